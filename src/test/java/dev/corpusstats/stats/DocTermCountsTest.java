package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DocTermCounts}: which analyzed documents count for the corpus, and their exploded term rows. */
class DocTermCountsTest {
    private final Row d1 = doc("d1").term("talk", 1, 2, 2.0 / 3).term("peace", 1, 1, 1.0 / 3).term("peace talk", 2, 1, 1.0).row();
    private final Row d2 = doc("d2").duplicateOf("d1").term("talk", 1, 2, 2.0 / 3).term("peace", 1, 1, 1.0 / 3)
            .term("peace talk", 2, 1, 1.0).row();
    private final Row d3 = doc("d3").row();
    private final Row d4 = doc("d4").term("kabul", 1, 1, 1.0).row();

    private Dataset<Row> analyzedRows() {
        return frame(AnalyzeDocuments.SCHEMA, d1, d2, d3, d4);
    }

    @Test
    void countingDuplicatesOnceDropsTheDocumentsWithDuplicateOfSet() {
        assertRows(List.of(d1, d3, d4), DocTermCounts.corpusDocuments(analyzedRows(), true).orderBy("doc_id").collectAsList());
    }

    @Test
    void countingEveryCopyKeepsAllDocuments() {
        assertRows(List.of(d1, d2, d3, d4), DocTermCounts.corpusDocuments(analyzedRows(), false).orderBy("doc_id").collectAsList());
    }

    @Test
    void fromExplodesEachDocumentsTermsAndADocumentWithoutTermsGivesNoRow() {
        Dataset<Row> counts = DocTermCounts.from(DocTermCounts.corpusDocuments(analyzedRows(), true));
        assertEquals(List.of("doc_id", "term", "n", "count", "tf"), Arrays.asList(counts.columns()));
        assertRows(List.of(
                        row("d1", "peace", 1, 1, 1.0 / 3),
                        row("d1", "talk", 1, 2, 2.0 / 3),
                        row("d1", "peace talk", 2, 1, 1.0),
                        row("d4", "kabul", 1, 1, 1.0)),
                counts.orderBy("doc_id", "n", "term").collectAsList());
    }
}
