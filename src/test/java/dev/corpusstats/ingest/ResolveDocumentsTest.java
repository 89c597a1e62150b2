package dev.corpusstats.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sourceRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ResolveDocuments}: doc_id collisions rejected, the smallest source keeping the id; copies of a text marked. */
class ResolveDocumentsTest {
    private static Row doc(String source, String docId, String sha) {
        // source, doc_id, title, text, encoding, byte_count, content_sha256, reject_reason, reject_detail
        return sourceRecord(source, docId, null, "text of " + sha, "UTF-8", 10L, sha, null, null);
    }

    @Test
    void collisionsAndCopies() {
        Dataset<Row> records = frame(ReadCorpus.SCHEMA,
                doc("file:/in/b/x.txt", "x", "s1"),
                doc("file:/in/a/x.txt", "x", "s2"),
                doc("file:/in/c/x.txt", "x", "s3"),
                doc("file:/in/y.txt", "y", "s2"),
                doc("file:/in/z.txt", "z", "s2"),
                doc("file:/in/w.txt", "w", "s4"),
                sourceRecord("file:/in/empty.txt", "empty", null, null, null, 0L, null, "empty", "0 bytes"));
        ResolveDocuments.Result resolved = ResolveDocuments.apply(records);

        assertEquals(List.of(ReadCorpus.SCHEMA.fieldNames()).size() + 1, resolved.documents().columns().length);
        assertEquals("duplicate_of", resolved.documents().columns()[resolved.documents().columns().length - 1]);
        assertEquals(List.of("file:/in/a/x.txt|x|null", "file:/in/w.txt|w|null", "file:/in/y.txt|y|x", "file:/in/z.txt|z|x"),
                resolved.documents().orderBy("source").collectAsList().stream()
                        .map(r -> r.getAs("source") + "|" + r.getAs("doc_id") + "|" + r.getAs("duplicate_of")).toList());
        assertEquals(List.of("file:/in/b/x.txt|duplicate_doc_id|doc_id already taken by file:/in/a/x.txt",
                        "file:/in/c/x.txt|duplicate_doc_id|doc_id already taken by file:/in/a/x.txt",
                        "file:/in/empty.txt|empty|0 bytes"),
                resolved.rejects().orderBy("source").collectAsList().stream()
                        .map(r -> r.getAs("source") + "|" + r.getAs("reject_reason") + "|" + r.getAs("reject_detail")).toList());
    }
}
