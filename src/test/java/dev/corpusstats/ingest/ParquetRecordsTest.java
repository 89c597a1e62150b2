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
}
