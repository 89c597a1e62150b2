package dev.corpusstats.stats;

import dev.corpusstats.ingest.ReadCorpus;
import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sourceRecord;
import static dev.corpusstats.testing.HandMade.sorted;

/** {@link RejectsTable}: each rejected reader row as source, doc_id, reason and detail. */
class RejectsTableTest {
    @Test
    void keepsSourceDocIdReasonAndDetail() {
        // source, doc_id, title, text, encoding, byte_count, content_sha256, reject_reason, reject_detail
        Dataset<Row> rejected = frame(ReadCorpus.SCHEMA,
                sourceRecord("file:/in/empty.txt", "empty", null, null, null, 0L, null, "empty", "0 bytes"),
                sourceRecord("file:/in/a.jsonl#L3", null, null, null, null, 17L, null, "malformed_record", null),
                sourceRecord("file:/in/b/x.txt", "x", "X", "Some text", "UTF-8", 9L, "abc", "duplicate_doc_id",
                        "doc_id already taken by file:/in/a/x.txt"));
        Dataset<Row> rejects = RejectsTable.from(rejected);
        assertColumns(Table.REJECTS, rejects);
        assertRows(List.of(
                        row("file:/in/a.jsonl#L3", null, "malformed_record", null),
                        row("file:/in/b/x.txt", "x", "duplicate_doc_id", "doc_id already taken by file:/in/a/x.txt"),
                        row("file:/in/empty.txt", "empty", "empty", "0 bytes")),
                sorted(Table.REJECTS, rejects));
    }
}
