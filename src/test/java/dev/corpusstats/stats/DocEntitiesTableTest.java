package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link DocEntitiesTable}: each document's entities, and one row per entity and document after linking. */
class DocEntitiesTableTest {
    private static Dataset<Row> corpusDocuments() {
        return analyzed(
                // d1 says both "Obama" (twice, from offset 0) and "Barack Obama" (once, at 40).
                doc("d1").entity("PER:obama", "Obama", "PER", 2, 0, 0.5).entity("LOC:kabul", "Kabul", "LOC", 1, 10, 0.2)
                        .entity("PER:barack obama", "Barack Obama", "PER", 1, 40, 0.3),
                doc("d2").entity("PER:barack obama", "Barack Obama", "PER", 3, 0, 1.0),
                doc("d3"));
    }

    @Test
    void perDocumentExplodesTheEntitiesAsFound() {
        Dataset<Row> perDocument = DocEntitiesTable.perDocument(corpusDocuments());
        assertEquals(List.of("doc_id", "entity_id", "name", "type", "mentions", "first_begin", "salience"),
                Arrays.asList(perDocument.columns()));
        assertRows(List.of(
                        row("d1", "LOC:kabul", "Kabul", "LOC", 1, 10, 0.2),
                        row("d1", "PER:barack obama", "Barack Obama", "PER", 1, 40, 0.3),
                        row("d1", "PER:obama", "Obama", "PER", 2, 0, 0.5),
                        row("d2", "PER:barack obama", "Barack Obama", "PER", 3, 0, 1.0)),
                perDocument.orderBy("doc_id", "entity_id").collectAsList());
    }

    @Test
    void aDocumentWithBothLinkedNamesGetsOneMergedRow() {
        Dataset<Row> links = frame(EntityLinksTest.LINKS, row("PER:obama", "PER:barack obama"));
        Dataset<Row> table = DocEntitiesTable.from(corpusDocuments(), links);
        assertColumns(Table.DOC_ENTITIES, table);
        assertRows(List.of(
                        row("d1", "LOC:kabul", "Kabul", "LOC", 1, 10, 0.2),
                        // mentions 2 + 1, first_begin min(0, 40), salience 0.5 + 0.3, named as the more mentioned.
                        row("d1", "PER:barack obama", "Obama", "PER", 3, 0, 0.5 + 0.3),
                        row("d2", "PER:barack obama", "Barack Obama", "PER", 3, 0, 1.0)),
                sorted(Table.DOC_ENTITIES, table));
    }
}
