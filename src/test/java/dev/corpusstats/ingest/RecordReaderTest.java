package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
        return read(file, format, settings);
    }

    private List<SourceRecord> read(Path file, InputFormat format, JobConfig.Input settings) {
        InputFile input = InputFile.readable(file.toUri().toString(), dir.relativize(file).toString(),
                file.toFile().length(), InputFormats.forFile(format, file.getFileName().toString()));
        return new RecordReader(settings, new Configuration(), LATEST).readAll(input);
    }

    /** Dates up to 2100 are in range, whatever the day the tests run. */
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    /** Settings naming a date field and facet fields, as input.date_column and input.facet_columns do. */
    private static JobConfig.Input dated(String dateColumn, String... facetColumns) {
        JobConfig.Input settings = new JobConfig.Input();
        settings.maxDocumentBytes = 1000;
        settings.dateColumn = dateColumn;
        settings.facetColumns = new ArrayList<>(List.of(facetColumns));
        return settings;
    }

    private static JobConfig.Input pathPattern(String pattern) {
        JobConfig.Input settings = new JobConfig.Input();
        settings.maxDocumentBytes = 1000;
        settings.pathPattern = pattern;
        return settings;
    }

    private static List<Facet> facets(String... nameValue) {
        List<Facet> facets = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            facets.add(new Facet(nameValue[i], nameValue[i + 1]));
        }
        return facets;
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

    @Test
    void jsonLinesDatesAndFacets() {
        long seconds = Instant.parse("2026-02-10T14:30:00Z").getEpochSecond();
        Path file = TestFiles.write(dir, "dated.jsonl", String.join("\n",
                "{\"id\": \"s\", \"text\": \"A.\", \"published\": \"2026-02-10T14:30:00+01:00\", \"section\": \"sport\"}",
                "{\"id\": \"n\", \"text\": \"B.\", \"published\": " + seconds + ", \"tags\": [\"cup\", \" final \", \"\", null, 7, [\"nested\"], {\"o\": 1}, \"cup\"]}",
                "{\"id\": \"ms\", \"text\": \"C.\", \"published\": " + seconds * 1000 + ", \"section\": \"  \", \"tags\": \"one\"}",
                "{\"id\": \"none\", \"text\": \"D.\", \"other\": \"2026-02-10\"}",
                "{\"id\": \"null\", \"text\": \"E.\", \"published\": null, \"section\": null}",
                "{\"id\": \"obj\", \"text\": \"F.\", \"published\": {\"date\": \"2026-02-10\"}, \"section\": {\"name\": \"x\"}}",
                "{\"id\": \"bad\", \"text\": \"G.\", \"published\": \"last Tuesday\", \"section\": [\"world\", \"uk\"]}",
                "{\"id\": \"old\", \"text\": \"H.\", \"published\": \"1850-06-01\"}"));
        List<SourceRecord> records = read(file, InputFormat.AUTO, dated("published", "section", "tags"));
        assertEquals(8, records.size());
        assertTrue(records.stream().noneMatch(SourceRecord::isReject), "an undated document is still a document");
        Instant t = Instant.parse("2026-02-10T13:30:00Z");
        assertEquals(t, records.get(0).publishedAt());
        assertEquals(facets("section", "sport"), records.get(0).facets());
        // a numeric date is epoch seconds, or milliseconds; an array facet gives one value per distinct scalar
        assertEquals(Instant.ofEpochSecond(seconds), records.get(1).publishedAt());
        assertEquals(facets("tags", "cup", "tags", "final", "tags", "7"), records.get(1).facets());
        assertEquals(Instant.ofEpochSecond(seconds), records.get(2).publishedAt());
        assertEquals(facets("tags", "one"), records.get(2).facets(), "a blank facet value is left out");
        assertEquals(new Dating(null, Dating.MISSING, null), records.get(3).dating());
        assertEquals(List.of(), records.get(3).facets());
        assertEquals(Dating.MISSING, records.get(4).dating().issue());
        assertEquals(List.of(), records.get(4).facets());
        assertEquals(Dating.MISSING, records.get(5).dating().issue(), "an object is no date");
        assertEquals(List.of(), records.get(5).facets());
        assertEquals(new Dating(null, Dating.UNPARSEABLE, "last Tuesday"), records.get(6).dating());
        assertEquals(facets("section", "world", "section", "uk"), records.get(6).facets());
        assertEquals(new Dating(null, Dating.OUT_OF_RANGE, "1850-06-01"), records.get(7).dating());
    }

    @Test
    void withoutADateColumnDocumentsHaveNoDating() {
        Path file = TestFiles.write(dir, "plain.jsonl", "{\"id\": \"a\", \"text\": \"A.\", \"published\": \"2026-02-10\"}\n");
        SourceRecord r = read(file, InputFormat.AUTO, dated(null)).get(0);
        assertNull(r.dating());
        assertNull(r.publishedAt());
        assertEquals(List.of(), r.facets());
    }

    @Test
    void jsonLinesDatesInTheConfiguredZoneAndFormat() {
        JobConfig.Input settings = dated("day", "desk");
        settings.dateFormat = "dd/MM/yyyy";
        settings.timeZone = "America/New_York";
        Path file = TestFiles.write(dir, "formatted.jsonl", String.join("\n",
                "{\"id\": \"a\", \"text\": \"A.\", \"day\": \"10/02/2026\", \"desk\": \"metro\"}",
                "{\"id\": \"b\", \"text\": \"B.\", \"day\": \"2026-02-10\"}",
                "{\"id\": \"c\", \"text\": \"C.\", \"day\": \"30/02/2026\"}"));
        List<SourceRecord> records = read(file, InputFormat.AUTO, settings);
        assertEquals(Instant.parse("2026-02-10T05:00:00Z"), records.get(0).publishedAt());
        assertEquals(facets("desk", "metro"), records.get(0).facets());
        assertEquals(new Dating(null, Dating.UNPARSEABLE, "2026-02-10"), records.get(1).dating());
        assertEquals(new Dating(null, Dating.UNPARSEABLE, "30/02/2026"), records.get(2).dating());
    }

    @Test
    void csvDatesAndFacets() {
        Path file = TestFiles.write(dir, "dated.csv", "id,text,published,section,wire\n"
                + "c1,First.,2026-02-10T14:30:00Z,sport,AP\n"
                + "c2,Second.,2026-02-10,\"world, uk\",\n"
                + "c3,Third.,,  tech  , \n"
                + "c4,Fourth.,1770733800000,tech,AP\n"
                + "c5,Fifth.,2026-13-01,,\n");
        List<SourceRecord> records = read(file, InputFormat.AUTO, dated("published", "section", "wire", "absent"));
        assertEquals(5, records.size());
        assertEquals(Instant.parse("2026-02-10T14:30:00Z"), records.get(0).publishedAt());
        assertEquals(facets("section", "sport", "wire", "AP"), records.get(0).facets());
        assertEquals(Instant.parse("2026-02-10T00:00:00Z"), records.get(1).publishedAt());
        assertEquals(facets("section", "world, uk"), records.get(1).facets(), "a CSV cell is one value");
        assertEquals(Dating.MISSING, records.get(2).dating().issue(), "an empty cell");
        assertEquals(facets("section", "tech"), records.get(2).facets());
        assertEquals(Instant.ofEpochMilli(1_770_733_800_000L), records.get(3).publishedAt());
        assertEquals(Dating.UNPARSEABLE, records.get(4).dating().issue());
        assertEquals(List.of(), records.get(4).facets());

        Path quoted = TestFiles.write(dir, "rfc.csv", "id,text,published\nq1,Body.,\"Tue, 10 Feb 2026 14:30:00 GMT\"\n");
        assertEquals(Instant.parse("2026-02-10T14:30:00Z"), read(quoted, InputFormat.AUTO, dated("published")).get(0).publishedAt());
    }

    @Test
    void csvWithoutTheDateColumnLeavesEveryDocumentMissingItsDate() {
        Path file = TestFiles.write(dir, "undated.csv", "id,text\nc1,First.\nc2,Second.\n");
        List<SourceRecord> records = read(file, InputFormat.AUTO, dated("published", "section"));
        assertEquals(List.of(Dating.MISSING, Dating.MISSING), records.stream().map(r -> r.dating().issue()).toList());
        assertTrue(records.stream().allMatch(r -> r.facets().isEmpty()));
    }

    @Test
    void textFilesTakeTheirDateAndFacetsFromThePathPattern() {
        TestFiles.write(dir, "reuters/2026/02/10/a.txt", "Markets rose.");
        TestFiles.write(dir, "ap/2026/02/30/b.txt", "No such day.");
        TestFiles.write(dir, "ap/1850/01/01/c.txt", "Long ago.");
        TestFiles.write(dir, "loose.txt", "Not in the pattern.");
        JobConfig.Input settings = pathPattern("{source}/{date:yyyy/MM/dd}/*.txt");

        SourceRecord a = read(dir.resolve("reuters/2026/02/10/a.txt"), InputFormat.AUTO, settings).get(0);
        assertEquals("reuters/2026/02/10/a", a.docId());
        assertEquals(Instant.parse("2026-02-10T00:00:00Z"), a.publishedAt());
        assertEquals(facets("source", "reuters"), a.facets());

        SourceRecord b = read(dir.resolve("ap/2026/02/30/b.txt"), InputFormat.AUTO, settings).get(0);
        assertEquals(new Dating(null, Dating.UNPARSEABLE, "2026/02/30"), b.dating());
        assertEquals(facets("source", "ap"), b.facets());

        SourceRecord c = read(dir.resolve("ap/1850/01/01/c.txt"), InputFormat.AUTO, settings).get(0);
        assertEquals(new Dating(null, Dating.OUT_OF_RANGE, "1850/01/01"), c.dating());

        SourceRecord loose = read(dir.resolve("loose.txt"), InputFormat.AUTO, settings).get(0);
        assertNull(loose.rejectReason());
        assertEquals(new Dating(null, Dating.MISSING, null), loose.dating(), "a file the pattern does not match");
        assertEquals(List.of(), loose.facets());

        // the date is in input.time_zone like any other
        settings.timeZone = "America/New_York";
        assertEquals(Instant.parse("2026-02-10T05:00:00Z"),
                read(dir.resolve("reuters/2026/02/10/a.txt"), InputFormat.AUTO, settings).get(0).publishedAt());
    }

    @Test
    void aPathPatternWithoutADateGivesFacetsOnly() {
        Path file = TestFiles.write(dir, "bbc/sport/199.txt", "Cup final.");
        SourceRecord r = read(file, InputFormat.AUTO, pathPattern("**/{category}/*")).get(0);
        assertEquals(facets("category", "sport"), r.facets());
        assertNull(r.dating(), "no date named, so none read");
        assertEquals(facets("source", "bbc", "category", "sport"),
                read(file, InputFormat.AUTO, pathPattern("{source}/{category}/*")).get(0).facets(), "in pattern order");
    }
}
