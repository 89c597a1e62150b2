package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
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
        return new RecordReader(settings, new Configuration()).readAll(input);
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

    private static List<String> outcomes(List<SourceRecord> records) {
        return records.stream().map(r -> r.isReject() ? r.rejectReason() : "document").toList();
    }

    @Test
    void jsonLinesWithAByteOrderMarkAndInUtf16() {
        byte[] body = "{\"id\": \"b1\", \"text\": \"Zürich.\"}\n{\"id\": \"b2\", \"text\": \"Two.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<SourceRecord> utf8 = read(TestFiles.write(dir, "bom.jsonl", TestFiles.concat(bom, body)), InputFormat.AUTO, 1000);
        assertEquals(List.of("document", "document"), outcomes(utf8));
        assertEquals("b1", utf8.get(0).docId());
        String text = "\uFEFF{\"id\": \"u1\", \"text\": \"Zürich talks.\"}\n";
        List<SourceRecord> utf16 = read(TestFiles.write(dir, "wide.jsonl", text.getBytes(StandardCharsets.UTF_16LE)), InputFormat.AUTO, 1000);
        assertEquals("Zürich talks.", utf16.get(0).text());
        assertEquals("UTF-16LE", utf16.get(0).encoding());
    }

    @Test
    void eachRecordIsDecodedOnItsOwn() {
        String french = "Le président de la République a annoncé mercredi une réforme très contestée, après des mois de négociations.";
        byte[] latin = ("{\"id\": \"l1\", \"text\": \"" + french + "\"}\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "{\"id\": \"u1\", \"text\": \"Café in Zürich.\"}\n".getBytes(StandardCharsets.UTF_8);
        List<SourceRecord> records = read(TestFiles.write(dir, "mixed.jsonl", TestFiles.concat(utf8, latin)), InputFormat.AUTO, 1000);
        assertEquals("Café in Zürich.", records.get(0).text());
        assertEquals("UTF-8", records.get(0).encoding());
        assertEquals(french, records.get(1).text());
        assertEquals("windows-1252", records.get(1).encoding());
    }

    @Test
    void oversizedRecordsAreSkippedUnparsedAndTheNextOnesRead() {
        String huge = "{\"id\": \"h\", \"text\": \"" + "x".repeat((1 << 20) + 2000) + "\"}";
        String overText = "{\"id\": \"o\", \"text\": \"" + "y".repeat(1001) + "\"}";
        Path file = TestFiles.write(dir, "big.JSONL.GZ", TestFiles.gzip(huge + "\n" + overText + "\n{\"id\": \"ok\", \"text\": \"Fine.\"}\n"));
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals(List.of("too_large", "too_large", "document"), outcomes(records));
        assertTrue(records.get(0).rejectDetail().contains("not parsed"), records.get(0).rejectDetail());
        assertNull(records.get(0).docId());
        assertEquals("o", records.get(1).docId(), "a text over the limit in a record under it names its id");
        assertEquals("ok", records.get(2).docId());
    }

    @Test
    void idsAreBoundedAndTitlesCut() {
        Path file = TestFiles.write(dir, "limits.jsonl", "{\"id\": \"" + "i".repeat(1025) + "\", \"text\": \"T.\"}\n"
                + "{\"id\": \"t\", \"title\": \"" + "t".repeat(5000) + "\", \"text\": \"T.\"}\n");
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals("too_large", records.get(0).rejectReason());
        assertEquals(RecordFields.MAX_TITLE_CHARS, records.get(1).title().length());
    }

    @Test
    void aValueOverJacksonsDefaultStringLimitIsTooLargeNotMalformed() {
        String text = "z".repeat(21_000_000);
        Path file = TestFiles.write(dir, "long-value.jsonl", "{\"id\": \"v\", \"text\": \"" + text + "\"}\n");
        SourceRecord r = read(file, InputFormat.AUTO, 20_000_000).get(0);
        assertEquals("too_large", r.rejectReason(), r.rejectDetail());
        assertEquals("v", r.docId());
    }

    @Test
    void aFailureMidFileKeepsTheRecordsBeforeIt() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("{\"id\": \"r").append(i).append("\", \"text\": \"Story number ").append(i).append(".\"}\n");
        }
        List<SourceRecord> records = read(TestFiles.write(dir, "cut.jsonl.gz", TestFiles.truncatedGzip(lines.toString())),
                InputFormat.AUTO, 1000);
        SourceRecord last = records.get(records.size() - 1);
        assertEquals("corrupt_compression", last.rejectReason());
        assertTrue(records.size() > 1 && records.subList(0, records.size() - 1).stream().noneMatch(SourceRecord::isReject));
        assertTrue(last.rejectDetail().startsWith("after " + (records.size() - 1) + " records"), last.rejectDetail());
    }

    @Test
    void csvUnclosedQuoteIsOneRejectAndTheRecordsAfterItAreRead() {
        Path file = TestFiles.write(dir, "quote.csv", "id,text\nc1,First.\nc2,\"Never closed\nc3,Third.\nc4,Fourth.\n");
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals(List.of("document", "malformed_record", "document", "document"), outcomes(records));
        assertTrue(records.get(1).rejectDetail().contains("line 3"), records.get(1).rejectDetail());
        assertEquals("c3", records.get(2).docId());
        assertEquals("c4", records.get(3).docId());
    }

    @Test
    void csvQuotesOnlyQuoteAtTheStartOfAField() {
        Path file = TestFiles.write(dir, "inch.csv", "id,text\nc1,A 5\" screen.\nc2,\"Quoted, with \"\"inner\"\" quotes.\"\r\nc3,Last.");
        List<SourceRecord> records = read(file, InputFormat.AUTO, 1000);
        assertEquals(List.of("document", "document", "document"), outcomes(records));
        assertEquals("A 5\" screen.", records.get(0).text());
        assertEquals("Quoted, with \"inner\" quotes.", records.get(1).text());
        assertEquals("Last.", records.get(2).text());
    }

    @Test
    void csvWithAByteOrderMarkFindsItsHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<SourceRecord> records = read(TestFiles.write(dir, "bom.csv", TestFiles.concat(bom, "id,text\nc1,Body.\n".getBytes(StandardCharsets.UTF_8))),
                InputFormat.AUTO, 1000);
        assertEquals(List.of("document"), outcomes(records));
    }

    @Test
    void aParquetFooterThatClaimsTooMuchIsRejectedUnread() {
        byte[] bytes = new byte[64];
        bytes[0] = 'P'; bytes[1] = 'A'; bytes[2] = 'R'; bytes[3] = '1';
        java.nio.ByteBuffer.wrap(bytes, 56, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE);
        bytes[60] = 'P'; bytes[61] = 'A'; bytes[62] = 'R'; bytes[63] = '1';
        SourceRecord r = readOne(TestFiles.write(dir, "claims.parquet", bytes));
        assertEquals("malformed_record", r.rejectReason());
        assertTrue(r.rejectDetail().contains("footer"), r.rejectDetail());
    }
}
