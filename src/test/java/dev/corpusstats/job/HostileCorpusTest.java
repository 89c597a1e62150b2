package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.OutputLock;
import dev.corpusstats.output.ReportWriter;
import dev.corpusstats.output.Table;
import dev.corpusstats.testing.TestFiles;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of hostile files: the run succeeds, every good document is processed, every bad one is
 * in rejects with its reason, and inputs = documents + rejects. NER is off here: the run-on 5 MB
 * document alone would be a million tokens through the CRF, and this test is about reading.
 */
class HostileCorpusTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyHostileFileEndsInDocumentsOrRejects() throws Exception {
        Path in = dir.resolve("in");
        String story = "Officials in Kabul met on Monday to discuss the peace talks. ";
        TestFiles.write(in, "good.txt", story);
        TestFiles.write(in, "empty.txt", new byte[0]);
        TestFiles.write(in, "whitespace.txt", " \n\t\r\n  \n");
        TestFiles.write(in, "binary.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D});
        TestFiles.write(in, "invalid-utf8.txt", new byte[] {'C', 'a', 'f', (byte) 0xE9, ' ', 'o', 'p', 'e', 'n', 's', '.', ' ',
                (byte) 0xC3, (byte) 0x28, '!'});
        byte[] utf16 = ("\uFEFF" + "Zürich talks began.").getBytes(StandardCharsets.UTF_16BE);
        TestFiles.write(in, "utf16-bom.txt", utf16);
        TestFiles.write(in, "truncated.txt.gz", TestFiles.truncatedGzip(story.repeat(500)));
        writeRepeated(in.resolve("fifty-mb.txt"), story + "\n", 50L * 1024 * 1024);
        writeRepeated(in.resolve("one-line-5mb.txt"), story, 5L * 1024 * 1024);
        Path locked = TestFiles.write(in, "unreadable.txt", story);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        TestFiles.write(in, "feed.jsonl", "{\"id\": \"j1\", \"text\": \"" + story + "\"}\n{\"id\": \"j2\", \"text\": tru\n"
                + "[1, 2]\n{\"id\": \"j3\"}\n{\"text\": \"no id\"}\n");
        TestFiles.write(in, "no-text-column.csv", "id,title\nc1,A headline\n");
        TestFiles.write(in, "a/b/c/d/e/f/g/h/i/j/deep.txt", story);
        TestFiles.write(in, "name with spaces.txt", story + "Spaces.");
        TestFiles.write(in, "Ünïcödé dir/файл 東京.txt", story + "Tokyo.");
        // Entries that are not files to read: each is a reject, none is opened, hidden names are counted.
        Files.createSymbolicLink(in.resolve("zero.jsonl"), Path.of("/dev/zero"));
        Files.createSymbolicLink(in.resolve("gone.txt"), Path.of("missing.txt"));
        Files.createSymbolicLink(in.resolve("a/loop"), Path.of(".."));
        Files.createSymbolicLink(in.resolve("again.txt"), Path.of("good.txt"));
        boolean fifo = mkfifo(in.resolve("pipe.txt"));
        TestFiles.write(in, "_SUCCESS", "");
        TestFiles.write(in, ".cache/x.txt", story);

        Manifest manifest = run(in, dir.resolve("out"));

        assertEquals("succeeded", manifest.status);
        Map<String, String> rejects = new TreeMap<>();
        for (Row r : spark.read().parquet(dir.resolve("out").resolve(Table.REJECTS.folder()).toString()).collectAsList()) {
            rejects.put(relative(in, r.getAs("source")), r.getAs("reason"));
        }
        Map<String, String> documents = new TreeMap<>();
        for (Row r : spark.read().parquet(dir.resolve("out").resolve(Table.DOCUMENTS.folder()).toString()).collectAsList()) {
            documents.put(r.getAs("doc_id"), r.getAs("encoding"));
        }
        boolean root = "root".equals(System.getProperty("user.name")); // root reads a file without permissions
        Map<String, String> expectedRejects = new TreeMap<>(Map.of(
                "empty.txt", "empty", "whitespace.txt", "empty", "binary.bin", "binary",
                "truncated.txt.gz", "corrupt_compression", "fifty-mb.txt", "too_large",
                "feed.jsonl#L2", "malformed_record", "feed.jsonl#L3", "malformed_record",
                "feed.jsonl#L4", "missing_text", "feed.jsonl#L5", "missing_id",
                "no-text-column.csv", "missing_text"));
        if (!root) {
            expectedRejects.put("unreadable.txt", "unreadable");
        }
        expectedRejects.putAll(Map.of("zero.jsonl", "not_a_file", "gone.txt", "dangling_link", "a/loop", "symlink_cycle",
                "again.txt", "duplicate_path"));
        if (fifo) {
            expectedRejects.put("pipe.txt", "not_a_file");
        }
        assertEquals(expectedRejects, rejects);

        Map<String, String> expectedDocuments = new TreeMap<>(Map.of(
                "good", "UTF-8", "invalid-utf8", "windows-1252", "utf16-bom", "UTF-16BE", "one-line-5mb", "UTF-8",
                "j1", "UTF-8", "a/b/c/d/e/f/g/h/i/j/deep", "UTF-8", "name with spaces", "UTF-8",
                "Ünïcödé dir/файл 東京", "UTF-8"));
        if (root) {
            expectedDocuments.put("unreadable", "UTF-8");
        }
        assertEquals(expectedDocuments, documents);

        // 15 files and 4 or 5 other entries, the JSON Lines file holding 5 records: each input a document or a reject.
        int others = fifo ? 5 : 4;
        assertEquals(15 + others, ((Number) manifest.input.get("files")).intValue());
        assertEquals(19 + others, documents.size() + rejects.size());
        assertEquals(2, ((Number) manifest.input.get("skipped_hidden")).intValue());
        Row oneLine = spark.read().parquet(dir.resolve("out").resolve(Table.DOCUMENTS.folder()).toString())
                .filter("doc_id = 'one-line-5mb'").first();
        assertTrue(oneLine.<Integer>getAs("token_count") > 900_000, "the run-on document is analyzed whole");
    }

    /**
     * Every reader is bounded and decodes alike: oversized JSON Lines and CSV records (also inside a
     * small .gz) become too_large rejects without being held, byte order marks and legacy encodings
     * are read per record, an open CSV quote swallows nothing, Parquet is read by column.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyReaderIsBoundedAndDecodesAlike() throws Exception {
        Path in = dir.resolve("in");
        String story = "Officials in Kabul met on Monday to discuss the peace talks. ";
        String twelveMiB = "x".repeat(12 << 20);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        TestFiles.write(in, "bom.jsonl", TestFiles.concat(bom, ("{\"id\": \"bom1\", \"text\": \"" + story + "\"}\n").getBytes(StandardCharsets.UTF_8)));
        TestFiles.write(in, "big-record.jsonl", "{\"id\": \"before\", \"text\": \"" + story + "\"}\n"
                + "{\"id\": \"huge\", \"text\": \"" + twelveMiB + "\"}\n{\"id\": \"after\", \"text\": \"" + story + "\"}\n");
        TestFiles.write(in, "bomb.jsonl.gz", TestFiles.gzip("{\"id\": \"gz-huge\", \"text\": \"" + twelveMiB + "\"}\n"
                + "{\"id\": \"gz-ok\", \"text\": \"" + story + "\"}\n"));
        TestFiles.write(in, "wide.jsonl", ("\uFEFF{\"id\": \"wide1\", \"text\": \"Zürich " + story + "\"}\n").getBytes(StandardCharsets.UTF_16LE));
        String french = "Le président de la République a annoncé mercredi une réforme très contestée, après des mois de négociations.";
        TestFiles.write(in, "legacy.jsonl", ("{\"id\": \"latin1\", \"text\": \"" + french + "\"}\n").getBytes("windows-1252"));
        TestFiles.write(in, "deep.jsonl", "{\"id\": \"deep\", \"text\": \"T.\", \"x\": " + "[".repeat(100_000) + "\n");
        TestFiles.write(in, "long-id.jsonl", "{\"id\": \"" + "i".repeat(2000) + "\", \"text\": \"T.\"}\n");
        TestFiles.write(in, "quote.csv", "id,text\nc1," + story + "\nc2,\"never closed\nc3," + story + "\n");
        TestFiles.write(in, "big.csv.gz", TestFiles.gzip("id,text\ncsv-huge," + twelveMiB + "\n"));
        TestFiles.write(in, "upper.TXT.GZ", TestFiles.gzip(story));
        byte[] accented = ("Café in Zürich, naïve résumé. " + story).getBytes(StandardCharsets.UTF_8);
        TestFiles.write(in, "stray-byte.txt", TestFiles.concat(accented, new byte[] {(byte) 0xE9, '!'}));
        TestFiles.write(in, "invisible.txt", "\u00A0\u200B\u00A0 \u2060\uFEFF\n");
        TestFiles.write(in, "nfc.txt", "The caf\u00e9 opened. " + story);
        TestFiles.write(in, "nfd.txt", "The cafe\u0301 opened for co\u00ADoperation with \u200EKabul\u200F. " + story);
        spark.createDataFrame(List.of(RowFactory.create("p1", "Parquet one. " + story, "T1", 1L),
                        RowFactory.create("p2", "Parquet two. " + story, null, 2L)),
                        new StructType().add("id", "string").add("text", "string").add("title", "string").add("extra", "long"))
                .coalesce(1).write().parquet(dir.resolve("parquet").toString());
        try (var parts = Files.list(dir.resolve("parquet"))) {
            Files.copy(parts.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), in.resolve("news.parquet"));
        }
        TestFiles.write(in, "bad-footer.parquet", "PAR1 not really parquet PAR1");
        TestFiles.write(in, "news.parquet.gz", TestFiles.gzip("PAR1 pretend PAR1"));

        Manifest manifest = run(in, dir.resolve("out"));
        assertEquals("succeeded", manifest.status);
        Map<String, String> outcomes = outcomes(in, dir.resolve("out"));
        Map<String, String> expected = new TreeMap<>();
        expected.put("bom.jsonl#L1", "UTF-8");
        expected.put("big-record.jsonl#L1", "UTF-8");
        expected.put("big-record.jsonl#L2", "too_large");
        expected.put("big-record.jsonl#L3", "UTF-8");
        expected.put("bomb.jsonl.gz#L1", "too_large");
        expected.put("bomb.jsonl.gz#L2", "UTF-8");
        expected.put("wide.jsonl#L1", "UTF-16LE");
        expected.put("legacy.jsonl#L1", "windows-1252");
        expected.put("deep.jsonl#L1", "malformed_record");
        expected.put("long-id.jsonl#L1", "too_large");
        expected.put("quote.csv#R1", "UTF-8");
        expected.put("quote.csv#R2", "malformed_record");
        expected.put("quote.csv#R3", "UTF-8");
        expected.put("big.csv.gz#R1", "too_large");
        expected.put("upper.TXT.GZ", "UTF-8");
        expected.put("stray-byte.txt", "UTF-8 with 1 invalid byte replaced");
        expected.put("invisible.txt", "empty");
        expected.put("nfc.txt", "UTF-8");
        expected.put("nfd.txt", "UTF-8");
        expected.put("news.parquet#R1", "UTF-8");
        expected.put("news.parquet#R2", "UTF-8");
        expected.put("bad-footer.parquet", "malformed_record");
        expected.put("news.parquet.gz", "unreadable");
        assertEquals(expected, outcomes);
        assertEquals(17, ((Number) manifest.input.get("files")).intValue());

        Map<String, Row> docs = new HashMap<>();
        for (Row r : spark.read().parquet(dir.resolve("out").resolve(Table.DOCUMENTS.folder()).toString()).collectAsList()) {
            docs.put(r.getAs("doc_id"), r);
        }
        assertEquals(french, docs.get("latin1").getAs("text"));
        assertTrue(docs.get("stray-byte").<String>getAs("text").startsWith("Café in Zürich, naïve résumé."));
        assertEquals("T1", docs.get("p1").getAs("title"));
        assertEquals(story, docs.get("upper").getAs("text"));

        // Statistics see one "café" however it is written, and no invisible characters.
        Dataset<Row> terms = spark.read().parquet(dir.resolve("out").resolve(Table.TERMS.folder()).toString()).filter("n = 1");
        assertEquals(3L, terms.filter("term = 'caf\u00e9'").first().<Long>getAs("doc_count"), "nfc, nfd and stray-byte");
        assertEquals(1L, terms.filter("term = 'cooperation'").count());
        List<String> all = terms.select("term").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertTrue(all.stream().allMatch(t -> java.text.Normalizer.isNormalized(t, java.text.Normalizer.Form.NFC)
                && t.chars().noneMatch(c -> Character.getType(c) == Character.FORMAT)), "terms are NFC without format characters");
        assertTrue(docs.get("nfd").<String>getAs("text").contains("cafe\u0301"), "documents.text stays as read");
    }

    /**
     * What the job may write: an output that is the input, or holds a user's folder named like a
     * table, is refused and nothing is touched; a second run on a locked output root is turned away;
     * report.html embeds hostile strings escaped and bounded.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theJobWritesOnlyWhereItMayAndItsReportIsSafe() throws Exception {
        Path in = dir.resolve("in");
        String story = "Officials in Kabul met on Monday to discuss the peace talks. ";
        TestFiles.write(in, "documents/letter.txt", story);
        String hostileTitle = "<!-- a comment opens, then <script>alert(1)</script> & more";
        String hugeTitle = "t".repeat(5_000_000);
        TestFiles.write(in, "feed.jsonl", "{\"id\": \"h1\", \"title\": \"" + hostileTitle + "\", \"text\": \"" + story + "\"}\n"
                + "{\"id\": \"h2\", \"title\": \"" + hugeTitle + "\", \"text\": \"Second. " + story + "\"}\n");
        List<Path> inputBefore = tree(in);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(CorpusStatsJob.USAGE, job(err, "--input", in.toString(), "--output", in.toString()));
        assertTrue(err.toString().contains("overlap") || err.toString().contains(in.toString()), err.toString());
        assertEquals(CorpusStatsJob.USAGE, job(err, "--input", in.resolve("feed.jsonl").toString(), "--output", in.toString()));
        assertEquals(inputBefore, tree(in), "the input is untouched");

        Path out = dir.resolve("out");
        TestFiles.write(out, "documents/notes.txt", "a user's folder named like a table");
        assertEquals(CorpusStatsJob.USAGE, job(err, "--input", in.toString(), "--output", out.toString()));
        assertEquals(List.of(out.resolve("documents"), out.resolve("documents/notes.txt")), tree(out));

        Path fresh = dir.resolve("fresh");
        try (OutputLock lock = OutputLock.acquire(fresh.toString(), spark.sparkContext().hadoopConfiguration(), "another-run")) {
            assertEquals(CorpusStatsJob.OUTPUT_LOCKED, job(err, "--input", in.toString(), "--output", fresh.toString()));
        }

        Map<String, String> settings = new HashMap<>();
        settings.put("input.path", in.toString());
        settings.put("output.path", fresh.toString());
        settings.put("entities.enabled", "false");
        Manifest manifest = new CorpusStatsPipeline(spark, ConfigLoader.load(null, settings)).run();
        assertEquals("succeeded", manifest.status);
        String report = Files.readString(fresh.resolve(ReportWriter.FILE_NAME));
        assertTrue(report.length() < 2_000_000, "report.html is " + report.length() + " characters");
        assertFalse(report.contains(hostileTitle), "the hostile title is embedded escaped");
        assertFalse(report.contains("t".repeat(1000)), "a 5-million-character title is embedded cut");
        Row h2 = spark.read().parquet(fresh.resolve(Table.DOCUMENTS.folder()).toString()).filter("doc_id = 'h2'").first();
        assertEquals(2000, h2.<String>getAs("title").length(), "titles are cut to 2,000 characters when read");
    }

    private static int job(ByteArrayOutputStream err, String... args) {
        err.reset();
        return CorpusStatsJob.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
    }

    private static List<Path> tree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).sorted().toList();
        }
    }

    private Manifest run(Path in, Path out) {
        Map<String, String> settings = new HashMap<>();
        settings.put("input.path", in.toString());
        settings.put("output.path", out.toString());
        settings.put("entities.enabled", "false");
        settings.put("output.report", "false");
        return new CorpusStatsPipeline(spark, ConfigLoader.load(null, settings)).run();
    }

    /** Each input (path relative to {@code in}, #record for records) and its outcome: a document's encoding or a reject's reason. */
    private Map<String, String> outcomes(Path in, Path out) {
        Map<String, String> outcomes = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve(Table.REJECTS.folder()).toString()).collectAsList()) {
            assertNull(outcomes.put(relative(in, r.getAs("source")), r.getAs("reason")), "one outcome per source");
        }
        for (Row r : spark.read().parquet(out.resolve(Table.DOCUMENTS.folder()).toString()).collectAsList()) {
            assertNull(outcomes.put(relative(in, r.getAs("source")), r.getAs("encoding")), "one outcome per source");
        }
        return outcomes;
    }

    private static String relative(Path root, String source) {
        String path = source.replaceFirst("^file:", "");
        String prefix = root.toAbsolutePath().toString() + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false; // no mkfifo here: the rest of the corpus is still checked
        }
    }

    /** Writes {@code unit} repeated up to {@code bytes}, streaming (no 50 MB string in memory). */
    private static void writeRepeated(Path file, String unit, long bytes) throws Exception {
        byte[] chunk = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        }
    }
}
