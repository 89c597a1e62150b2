package dev.corpusstats.config;

import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedDefaultsFileMatchesTheBuiltInDefaultsButForTheAliasFile() {
        JobConfig fromFile = ConfigLoader.load(Path.of("conf/corpus-stats.yaml"), Map.of());
        assertEquals("conf/entity-aliases.tsv", fromFile.entities.aliasFile);
        fromFile.entities.aliasFile = null;
        assertEquals(ConfigLoader.toTree(new JobConfig()), ConfigLoader.toTree(fromFile));
    }

    @Test
    void commandLineOverridesTheFile() {
        Path conf = TestFiles.write(dir, "c.yaml", "input:\n  path: a\nterms:\n  max_n: 2\n");
        JobConfig c = CommandLine.parse(List.of("--conf", conf.toString(), "--input", "b", "--output", "o",
                "--format", "jsonl", "--set", "collocations.min_count=5", "--set", "output.keep_text=false")).toConfig();
        assertEquals("b", c.input.path);
        assertEquals("o", c.output.path);
        assertEquals(InputFormat.JSONL, c.input.format);
        assertEquals(2, c.terms.maxN);
        assertEquals(5, c.collocations.minCount);
        assertFalse(c.output.keepText);
    }

    @Test
    void unknownKeyIsNamedInOneLine() {
        Path conf = TestFiles.write(dir, "c.yaml", "input:\n  pathh: a\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(conf, Map.of()));
        assertTrue(e.getMessage().startsWith("unknown configuration key 'input.pathh'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        ConfigException cli = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of("terms.maxn", "2")));
        assertTrue(cli.getMessage().contains("'terms.maxn'"), cli.getMessage());
    }

    @Test
    void badValuesAreNamed() {
        assertMessage("'terms.max_n'", Map.of("terms.max_n", "three"));
        assertMessage("'terms.max_n': must be 1, 2 or 3, got 4", Map.of("terms.max_n", "4"));
        assertMessage("bad value for 'input.format' (command line): must be one of auto, text, jsonl, csv, parquet, got 'xml'",
                Map.of("input.format", "xml"));
        assertMessage("bad value for 'input.format' (command line): must be one of auto, text, jsonl, csv, parquet, got '1'",
                Map.of("input.format", "1"));
        assertMessage("bad value for 'output.layout' (command line): must be one of overwrite, runs, got 'sideways'",
                Map.of("output.layout", "sideways"));
        assertMessage("bad value for 'output.layout': must be one of overwrite, runs", mapOfNull("output.layout"));
        assertMessage("'input.max_document_bytes': must be positive", Map.of("input.max_document_bytes", "0"));
        assertMessage("'input.max_document_bytes': must be positive and at most 536870912 (512 MiB), got 3000000000",
                Map.of("input.max_document_bytes", "3000000000"));
        assertEquals(536870912L, ConfigLoader.load(null, Map.of("input.max_document_bytes", "536870912")).input.maxDocumentBytes);
        assertMessage("'terms.stop_words_file': file not found", Map.of("terms.stop_words_file", "nope.txt"));
        assertMessage("'entities.expert_model': must be a model or null", Map.of("entities.expert_model", " "));
        assertNull(CommandLine.parse(List.of("--set", "entities.expert_model=null")).toConfig().entities.expertModel);
        assertNull(CommandLine.parse(List.of("--set", "entities.misc_retype_model=~")).toConfig().entities.miscRetypeModel);
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse(List.of("--set", "input=null")).toConfig())
                .getMessage().contains("'input': must be a mapping of settings, not null"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse(List.of("--set", "terms.max_n=null")).toConfig())
                .getMessage().contains("'terms.max_n'"));
    }

    @Test
    void brokenYamlAndMissingFileAreOneLine() {
        Path conf = TestFiles.write(dir, "c.yaml", "input: [unclosed\n");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(conf, Map.of()))
                .getMessage().contains("not valid YAML"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of()))
                .getMessage().startsWith("configuration file not found"));
    }

    @Test
    void unknownOptionsAndMissingValues() {
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse(List.of("--inptu", "x")))
                .getMessage().contains("unknown option '--inptu'"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse(List.of("--input")))
                .getMessage().contains("needs a value"));
    }

    private static Map<String, String> mapOfNull(String key) {
        Map<String, String> overrides = new java.util.HashMap<>();
        overrides.put(key, null);
        return overrides;
    }

    private static void assertMessage(String expected, Map<String, String> overrides) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, overrides));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
