package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordReaderTest {
    @TempDir
    Path dir;

    private List<SourceRecord> read(Path file, InputFormat format, long maxBytes) {
        JobConfig.Input settings = new JobConfig.Input();
        settings.maxDocumentBytes = maxBytes;
        InputFile input = InputFile.readable(file.toUri().toString(), dir.relativize(file).toString(),
                file.toFile().length(), InputFormats.forFile(format, file.getFileName().toString()));
        return new RecordReader(settings, new Configuration()).read(input);
    }

    private SourceRecord readOne(Path file) {
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals(1, records.size());
        return records.get(0);
    }

    @Test
    void textFileBecomesOneDocumentNamedByItsPath() {
        SourceRecord r = readOne(TestFiles.write(dir, "sport/199.txt", "Cup final."));
        assertNull(r.rejectReason());
        assertEquals("sport/199", r.docId());
        assertEquals("Cup final.", r.text());
        assertEquals(10, r.byteCount());
    }

    @Test
    void gzipIsDecompressed() {
        SourceRecord r = readOne(TestFiles.write(dir, "a.txt.gz", TestFiles.gzip("Zipped news.")));
        assertEquals("a", r.docId());
        assertEquals("Zipped news.", r.text());
    }

    @Test
    void truncatedGzipIsRejected() {
        SourceRecord r = readOne(TestFiles.write(dir, "cut.txt.gz", TestFiles.truncatedGzip("x".repeat(500) + " words")));
        assertEquals("corrupt_compression", r.rejectReason());
        assertEquals("cut", r.docId());
    }

    @Test
    void oversizeFilesAreRejectedBeforeAndAfterDecompression() {
        assertEquals("too_large", readOne(TestFiles.write(dir, "big.txt", "y".repeat(1001))).rejectReason());
        SourceRecord gz = readOne(TestFiles.write(dir, "bomb.txt.gz", TestFiles.gzip("z".repeat(5000))));
        assertEquals("too_large", gz.rejectReason());
        assertTrue(gz.rejectDetail().contains("max_document_bytes"), gz.rejectDetail());
    }

    @Test
    void emptyBinaryAndMissingFilesAreRejected() {
        assertEquals("empty", readOne(TestFiles.write(dir, "empty.txt", new byte[0])).rejectReason());
        assertEquals("binary", readOne(TestFiles.write(dir, "img.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})).rejectReason());
        assertEquals("unreadable", readOne(dir.resolve("gone.txt")).rejectReason());
    }

    @Test
    void jsonLinesGiveOneRecordPerLineAndRejectBadLines() {
        Path file = TestFiles.write(dir, "news.jsonl", String.join("\n",
                "{\"id\": \"a1\", \"title\": \"T\", \"text\": \"First story.\"}",
                "",
                "{not json",
                "{\"id\": 7, \"text\": \"Numeric id.\"}",
                "{\"text\": \"No id.\"}",
                "{\"id\": \"a3\"}",
                "[1, 2]"));
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals(List.of("document", "malformed_record", "document", "missing_id", "missing_text", "malformed_record"),
                records.stream().map(r -> r.isReject() ? r.rejectReason() : "document").toList());
        assertEquals("a1", records.get(0).docId());
        assertEquals("T", records.get(0).title());
        assertTrue(records.get(0).source().endsWith("news.jsonl#L1"));
        assertTrue(records.get(1).source().endsWith("news.jsonl#L3"));
        assertEquals("7", records.get(2).docId());
    }

    @Test
    void csvWithHeaderAndQuotedMultilineText() {
        Path file = TestFiles.write(dir, "news.csv", "id,title,text\nc1,Hi,\"Line one,\nline two.\"\nc2,,Second.\n");
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals(2, records.size());
        assertEquals("Line one,\nline two.", records.get(0).text());
        assertEquals("Hi", records.get(0).title());
        assertEquals("c2", records.get(1).docId());
        assertTrue(records.get(1).source().endsWith("news.csv#R2"));
    }

    @Test
    void csvWithoutTheTextColumnIsOneReject() {
        List<SourceRecord> records = read(TestFiles.write(dir, "bad.csv", "id,body\n1,abc\n2,def\n"), InputFormat.AUTO, 1000);
        assertEquals(1, records.size());
        assertEquals("missing_text", records.get(0).rejectReason());
        assertTrue(records.get(0).rejectDetail().contains("'text'"), records.get(0).rejectDetail());
    }

    /** The reject must not depend on thread timing: univocity reads ahead on its own thread by default. */
    @org.junit.jupiter.api.RepeatedTest(300)
    void csvWithoutTheTextColumnIsAlwaysMissingText() {
        List<SourceRecord> records = read(TestFiles.write(dir, "no-text.csv", "id,title\nc1,A headline\n"), InputFormat.AUTO, 1000);
        assertEquals(1, records.size());
        assertEquals("missing_text", records.get(0).rejectReason(), records.get(0).rejectDetail());
    }
}
