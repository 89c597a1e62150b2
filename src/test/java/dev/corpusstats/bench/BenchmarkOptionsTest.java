package dev.corpusstats.bench;

import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's command line: each mistake is one readable line naming the option, as for the job. */
class BenchmarkOptionsTest {
    @TempDir
    Path dir;

    @Test
    void optionsAndDefaults() {
        Benchmark.Options o = Benchmark.Options.parse(List.of("--input", dir.toString(), "--scale", "4", "--report", "r.json"));
        assertEquals(dir, o.input());
        assertEquals(4, o.scale());
        assertEquals(Path.of("r.json"), o.report());
        assertEquals(Path.of("conf/corpus-stats.yaml"), o.conf());
        assertEquals(Map.of(), o.settings());
        assertFalse(o.jsonLines());
        assertEquals(1, Benchmark.Options.parse(List.of("--input", dir.toString())).scale());
    }

    @Test
    void aJsonLinesInputIsReadAsJsonLines() {
        for (String name : List.of("in.jsonl", "in.jsonl.gz", "IN.JSONL")) {
            Path file = TestFiles.write(dir, name, "{}\n");
            Benchmark.Options o = Benchmark.Options.parse(List.of("--input", file.toString(), "--scale", "2"));
            assertTrue(o.jsonLines(), name);
            assertEquals("jsonl", o.overrides().get("input.format"));
        }
        assertEquals("text", Benchmark.Options.parse(List.of("--input", dir.toString())).overrides().get("input.format"));
    }

    @Test
    void setsGoToTheJobAsItsOwnCommandLineTakesThem() {
        Benchmark.Options o = Benchmark.Options.parse(List.of("--input", dir.toString(), "--work", "w", "--scale", "3",
                "--set", "input.date_column=pub_date", "--set", "input.facet_columns=[section, wire_source]",
                "--set", "trends.period=week", "--set", "entities.expert_model=null", "--set", "trends.period=month"));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("input.date_column", "pub_date");
        settings.put("input.facet_columns", "[section, wire_source]");
        settings.put("trends.period", "month"); // the later one wins, as for the job
        settings.put("entities.expert_model", null);
        assertEquals(settings, o.settings());
        assertEquals(List.of("input.date_column", "input.facet_columns", "trends.period", "entities.expert_model",
                "input.path", "input.format", "output.path"), List.copyOf(o.overrides().keySet()));
        assertEquals(Path.of("w", "corpus-x3").toString(), o.overrides().get("input.path"));
        assertEquals(Path.of("w", "output-x3").toString(), o.overrides().get("output.path"));

        JobConfig config = ConfigLoader.load(null, o.overrides());
        assertEquals("pub_date", config.input.dateColumn);
        assertEquals(List.of("section", "wire_source"), config.input.facetColumns);
        assertEquals(null, config.entities.expertModel);
        assertEquals(InputFormat.TEXT, config.input.format);
    }

    @Test
    void mistakesAreOneLineEach() {
        assertMessage("option --scale needs a value", "--input", dir.toString(), "--scale");
        assertMessage("option --scale needs a whole number of at least 1, got 'four'", "--input", dir.toString(), "--scale", "four");
        assertMessage("option --scale needs a whole number of at least 1, got '0'", "--input", dir.toString(), "--scale", "0");
        assertMessage("option --input needs a value", "--input", "--scale", "2");
        assertMessage("unknown option --scal", "--input", dir.toString(), "--scal", "2");
        String input = "--input must be a folder of text files or a JSON Lines file (.jsonl, .jsonl.gz)";
        assertMessage(input, "--scale", "2");
        assertMessage(input + ": " + dir.resolve("none"), "--input", dir.resolve("none").toString());
        Path csv = TestFiles.write(dir, "in.csv", "id,text\n");
        assertMessage(input + ": " + csv, "--input", csv.toString());
        assertMessage("option --set needs a value", "--input", dir.toString(), "--set");
        assertMessage("--set expects KEY=VALUE, got 'trends.period'", "--input", dir.toString(), "--set", "trends.period");
        for (String own : List.of("input.path", "input.format", "output.path")) {
            assertMessage("--set " + own + " is the benchmark's own (the scaled corpus, its format and the output follow"
                    + " from --input and --work)", "--input", dir.toString(), "--set", own + "=x");
        }
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(ConfigException.class, () -> Benchmark.Options.parse(List.of(args))).getMessage());
    }
}
