package dev.corpusstats.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpusstats.ingest.DocIds;
import dev.corpusstats.ingest.PathPattern;
import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaledCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void textFilesKCopiesWithDistinctIdsAndTextsInTheirFolders() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "world/a.txt", "Kabul talks resumed. The council met. Elders spoke.");
        TestFiles.write(in, "world/b.txt", "One sentence only.");
        TestFiles.write(in, "business/c.txt", "Markets rose. Oil fell.");
        TestFiles.write(in, "world/.a.txt.swp", "not a document");
        Path out = dir.resolve("out");
        assertEquals(12, ScaledCorpus.write(in, 4, out));
        List<String> files = relativeFiles(out);
        assertEquals(12, files.size());
        Set<String> texts = new HashSet<>();
        Set<String> ids = new HashSet<>();
        PathPattern category = PathPattern.compile("{category}/*");
        for (String f : files) {
            texts.add(Files.readString(out.resolve(f), StandardCharsets.UTF_8));
            ids.add(DocIds.fromRelativePath(f));
            String folder = f.substring(0, f.indexOf('/'));
            assertEquals(Map.of("category", folder), category.match(f).orElseThrow().facets(), f + " keeps its folder");
        }
        assertEquals(12, texts.size(), "no two documents identical");
        assertTrue(ids.containsAll(List.of("world/a~0", "world/a~3", "world/b~1", "business/c~2")), ids.toString());
        assertEquals(12, ids.size());
        assertEquals(Files.readString(in.resolve("world/a.txt")), Files.readString(out.resolve("world/a~0.txt")),
                "copy 0 is the input");
        assertEquals(12, ScaledCorpus.write(in, 4, dir.resolve("again")));
        assertEquals(Files.readString(out.resolve("world/a~3.txt")), Files.readString(dir.resolve("again/world/a~3.txt")),
                "deterministic");
    }

    @Test
    void copyNamesEndTheDocIdWithTheCopy() {
        assertEquals("199~3.txt", ScaledCorpus.copyName("199.txt", 3));
        assertEquals("b~1.txt.gz", ScaledCorpus.copyName("b.txt.gz", 1));
        assertEquals("notes~0", ScaledCorpus.copyName("notes", 0));
        assertEquals("report.2026~2.txt", ScaledCorpus.copyName("report.2026.txt", 2));
        for (String name : List.of("sport/199.txt", "a/b.txt.gz", "notes", "x/report.2026.txt")) {
            String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            String copy = folder + ScaledCorpus.copyName(name.substring(folder.length()), 5);
            assertEquals(DocIds.fromRelativePath(name) + "~5", DocIds.fromRelativePath(copy), name);
        }
    }

    @Test
    void jsonLinesKCopiesKeepDatesAndFacets() throws Exception {
        Path in = TestFiles.write(dir, "in.jsonl", String.join("\n",
                "{\"id\": \"a\", \"pub_date\": \"2026-02-10\", \"section\": \"world\", \"tags\": [\"x\", \"y\"],"
                        + " \"n\": 7, \"meta\": {\"k\": [1, 2.5]}, \"text\": \"Kabul talks resumed. The council met. Elders spoke.\"}",
                "",
                "{\"text\": \"One sentence only.\", \"id\": 42, \"pub_date\": 1767225600, \"section\": null}",
                "{\"id\": \"c\", \"title\": \"Oil\", \"text\": \"Markets rose. Oil fell.\", \"wire_source\": \"AP\"}",
                "{\"id\": \"blank\", \"text\": \"   \"}",
                "{\"id\": \"none\"}") + "\n");
        Path out = dir.resolve("out");
        assertEquals(20, ScaledCorpus.writeJsonLines(in, 4, out, "id", "text"));
        assertEquals(List.of("copy-0.jsonl", "copy-1.jsonl", "copy-2.jsonl", "copy-3.jsonl"), relativeFiles(out));
        try (Stream<Path> work = Files.list(dir)) {
            assertEquals(List.of(), work.filter(p -> p.getFileName().toString().startsWith("sentences-")).toList(),
                    "the split file is deleted");
        }

        List<JsonNode> records = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            List<String> lines = Files.readAllLines(out.resolve("copy-" + copy + ".jsonl"), StandardCharsets.UTF_8);
            assertEquals(5, lines.size(), "one record a line");
            for (String line : lines) {
                records.add(JSON.readTree(line));
            }
        }
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (JsonNode r : records) {
            ids.add(r.path("id").asText());
            if (r.has("text") && !r.get("text").asText().isBlank()) {
                texts.add(r.get("text").asText());
            }
        }
        assertEquals(20, ids.size());
        assertTrue(ids.containsAll(List.of("a~0", "a~3", "42~1", "c~2", "none~0")), ids.toString());
        assertEquals(12, texts.size(), "no two documents identical");

        JsonNode a0 = records.get(0);
        JsonNode a2 = records.get(10);
        assertEquals("Kabul talks resumed. The council met. Elders spoke.", a0.get("text").asText(), "copy 0 is the input");
        for (JsonNode a : List.of(a0, a2)) {
            assertEquals("2026-02-10", a.get("pub_date").asText());
            assertEquals("world", a.get("section").asText());
            assertEquals(JSON.readTree("[\"x\", \"y\"]"), a.get("tags"));
            assertEquals(7, a.get("n").intValue());
            assertEquals(JSON.readTree("{\"k\": [1, 2.5]}"), a.get("meta"));
        }
        assertEquals(List.of("id", "pub_date", "section", "tags", "n", "meta", "text"), fieldNames(a2), "field order kept");
        JsonNode b1 = records.get(6);
        assertEquals("42~1", b1.get("id").asText());
        assertEquals(1767225600L, b1.get("pub_date").longValue());
        assertTrue(b1.get("section").isNull());
        assertEquals("One sentence only.\nMarkets rose.", b1.get("text").asText(),
                "a one-sentence text gains the first sentence of the text one further on (blank ones lend none)");
        assertEquals("Oil", records.get(12).get("title").asText());
        assertEquals("AP", records.get(12).get("wire_source").asText());
        assertEquals("   ", records.get(13).get("text").asText(), "a text without sentences stays as it is");
        assertFalse(records.get(14).has("text"));

        Path gz = TestFiles.write(dir, "in.jsonl.gz", TestFiles.gzip(Files.readString(in)));
        assertEquals(20, ScaledCorpus.writeJsonLines(gz, 4, dir.resolve("again"), "id", "text"));
        assertEquals(Files.readString(out.resolve("copy-3.jsonl")), Files.readString(dir.resolve("again/copy-3.jsonl")),
                "deterministic, and .gz read through");
    }

    @Test
    void jsonLinesIdAndTextColumnsAreTheJobs() throws Exception {
        Path in = TestFiles.write(dir, "in.jsonl", "{\"key\": \"a\", \"body\": \"Markets rose. Oil fell.\", \"id\": \"kept\"}\n");
        ScaledCorpus.writeJsonLines(in, 2, dir.resolve("out"), "key", "body");
        JsonNode r = JSON.readTree(Files.readString(dir.resolve("out/copy-1.jsonl")));
        assertEquals("a~1", r.get("key").asText());
        assertEquals("kept", r.get("id").asText());
        assertTrue(r.get("body").asText().contains("Oil fell."));
        List<String> texts = new ArrayList<>();
        ScaledCorpus.forEachText(in, "body", texts::add);
        assertEquals(List.of("Markets rose. Oil fell."), texts);
    }

    @Test
    void aRecordThatIsNotAnObjectIsAnError() {
        Path in = TestFiles.write(dir, "in.jsonl", "{\"id\": \"a\", \"text\": \"A.\"}\n[1, 2]\n");
        IOException e = assertThrows(IOException.class, () -> ScaledCorpus.writeJsonLines(in, 2, dir.resolve("out"), "id", "text"));
        assertEquals(in + ": line 2: a JSON Lines record must be an object", e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
