package dev.corpusstats.ingest;

import dev.corpusstats.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ParquetRecords}: only the needed columns, a row group at a time, too-large row groups rejected alone. */
class ParquetRecordsTest {
    @TempDir
    Path dir;

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message doc { required binary id (UTF8); required binary text (UTF8); optional binary other (UTF8); }");

    @Test
    void aRowGroupOverTheLimitIsOneRejectAndTheOthersAreRead() throws Exception {
        Path file = dir.resolve("docs.parquet");
        Configuration conf = new Configuration();
        SimpleGroupFactory rows = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(conf).withType(SCHEMA).withRowGroupSize(64 * 1024).withPageSize(4096).build()) {
            for (int i = 0; i < 400; i++) {
                String text = i < 200 ? "big ".repeat(500) + i : "small " + i;
                writer.write(rows.newGroup().append("id", "d" + i).append("text", text).append("other", "x".repeat(3000)));
            }
        }
        List<BlockMetaData> groups = org.apache.parquet.hadoop.ParquetFileReader.open(
                HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf)).getFooter().getBlocks();
        assertTrue(groups.size() >= 2, "the writer made " + groups.size() + " row groups");
        long limit = 20_000;

        List<SourceRecord> records = new ArrayList<>();
        try (ParquetRecords reader = new ParquetRecords(file.toUri().toString(), new RecordFields(new JobConfig.Input(), java.time.Instant.parse("2100-01-01T00:00:00Z")), conf, limit)) {
            SourceRecord r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }
        long rejectedRows = 0;
        long documents = 0;
        for (SourceRecord r : records) {
            if (r.isReject()) {
                assertEquals("too_large", r.rejectReason());
                assertTrue(r.source().matches(".*#G\\d+"), r.source());
                assertTrue(r.rejectDetail().contains("[id, text]"), r.rejectDetail() + ": the unread column 'other' does not count");
                rejectedRows += Long.parseLong(r.rejectDetail().replaceAll(".*\\(rows (\\d+)-(\\d+)\\).*", "$2"))
                        - Long.parseLong(r.rejectDetail().replaceAll(".*\\(rows (\\d+)-(\\d+)\\).*", "$1")) + 1;
            } else {
                documents++;
                assertTrue(r.text().startsWith("small"), "only the small row groups are read: " + r.source());
            }
        }
        assertTrue(documents > 0 && rejectedRows > 0, records.size() + " records");
        assertEquals(400, documents + rejectedRows, "every row is a document or inside a rejected row group");
    }

    @Test
    void anInt64TimestampIsTheDateAndAListOfStringsGivesOneFacetValueEach() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message doc { required binary id (UTF8); required binary text (UTF8);"
                + " optional int64 published (TIMESTAMP(MILLIS,true)); optional int64 local (TIMESTAMP(MICROS,false));"
                + " optional group tags (LIST) { repeated group list { optional binary element (UTF8); } }"
                + " optional binary desk (UTF8); }");
        Path file = dir.resolve("dated.parquet");
        Instant t = Instant.parse("2026-02-10T14:30:00.123Z");
        SimpleGroupFactory rows = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(new Configuration()).withType(schema).build()) {
            Group first = rows.newGroup().append("id", "p1").append("text", "First.").append("published", t.toEpochMilli())
                    .append("local", 1_770_733_800_000_000L).append("desk", "metro");
            Group tags = first.addGroup("tags");
            for (String tag : new String[] {"cup", " final ", "", "cup"}) {
                tags.addGroup("list").append("element", tag);
            }
            writer.write(first);
            writer.write(rows.newGroup().append("id", "p2").append("text", "Second."));
        }

        JobConfig.Input published = new JobConfig.Input();
        published.dateColumn = "published";
        published.facetColumns = List.of("tags", "desk");
        List<SourceRecord> records = readAll(file, published);
        assertEquals(2, records.size());
        assertEquals(t, records.get(0).publishedAt(), "milliseconds since the epoch, in UTC");
        assertEquals(List.of(new Facet("tags", "cup"), new Facet("tags", "final"), new Facet("desk", "metro")), records.get(0).facets());
        assertEquals(Dating.MISSING, records.get(1).dating().issue(), "a null timestamp");
        assertEquals(List.of(), records.get(1).facets());

        // a timestamp not adjusted to UTC is a local time, placed in input.time_zone
        JobConfig.Input local = new JobConfig.Input();
        local.dateColumn = "local";
        local.timeZone = "Europe/Paris";
        assertEquals(Instant.parse("2026-02-10T13:30:00Z"), readAll(file, local).get(0).publishedAt());
    }

    private static List<SourceRecord> readAll(Path file, JobConfig.Input settings) throws Exception {
        List<SourceRecord> records = new ArrayList<>();
        try (ParquetRecords reader = new ParquetRecords(file.toUri().toString(),
                new RecordFields(settings, Instant.parse("2100-01-01T00:00:00Z")), new Configuration())) {
            SourceRecord r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }
}
