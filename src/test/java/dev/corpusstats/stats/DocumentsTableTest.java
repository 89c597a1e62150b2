package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/** {@link DocumentsTable}: every analyzed document, duplicates included, with its counts; text only when kept. */
class DocumentsTableTest {
    private static final String TEXT = "Peace talks in Kabul.";
    private static final String PUBLISHED = "2026-02-10T14:30:00Z";
    private static final Timestamp AT = Timestamp.from(Instant.parse(PUBLISHED));

    private static Dataset<Row> documents() {
        return analyzed(
                doc("d1").title("Talks").publishedAt(PUBLISHED).text(TEXT).counts(1, 5).term("peace", 1, 1, 1.0 / 3).term("talk", 1, 1, 1.0 / 3)
                        .term("kabul", 1, 1, 1.0 / 3).term("peace talk", 2, 1, 1.0)
                        .mention(0, 15, 20, "Kabul", "LOC", "Kabul", "LOC:kabul"),
                doc("d2").duplicateOf("d1").text(TEXT).counts(1, 5).term("peace", 1, 1, 1.0 / 3).term("talk", 1, 1, 1.0 / 3)
                        .term("kabul", 1, 1, 1.0 / 3).term("peace talk", 2, 1, 1.0),
                doc("d3").text("Café talk, café talk.").counts(1, 6).term("café", 1, 2, 0.5).term("talk", 1, 2, 0.5));
    }

    @Test
    void keepsEveryDocumentWithItsText() {
        Dataset<Row> table = DocumentsTable.from(documents(), true);
        assertColumns(Table.DOCUMENTS, table);
        // doc_id, source, title, text, encoding, byte_count, char_count, sentence_count, token_count,
        // term_count, distinct_term_count, content_sha256, duplicate_of, published_at
        assertRows(List.of(
                        row("d1", "file:/corpus/d1.txt", "Talks", TEXT, "UTF-8", 21L, 21, 1, 5, 3, 3, "sha-d1", null, AT),
                        row("d2", "file:/corpus/d2.txt", null, TEXT, "UTF-8", 21L, 21, 1, 5, 3, 3, "sha-d1", "d1", null),
                        row("d3", "file:/corpus/d3.txt", null, "Café talk, café talk.", "UTF-8", 23L, 21, 1, 6, 4, 2, "sha-d3", null, null)),
                sorted(Table.DOCUMENTS, table));
    }

    @Test
    void withoutKeepTextTheTextIsNull() {
        Dataset<Row> table = DocumentsTable.from(documents(), false);
        assertColumns(Table.DOCUMENTS, table);
        assertRows(List.of(
                        row("d1", "file:/corpus/d1.txt", "Talks", null, "UTF-8", 21L, 21, 1, 5, 3, 3, "sha-d1", null, AT),
                        row("d2", "file:/corpus/d2.txt", null, null, "UTF-8", 21L, 21, 1, 5, 3, 3, "sha-d1", "d1", null),
                        row("d3", "file:/corpus/d3.txt", null, null, "UTF-8", 23L, 21, 1, 6, 4, 2, "sha-d3", null, null)),
                sorted(Table.DOCUMENTS, table));
    }
}
