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

/** {@link EntityMentionsTable}: every mention of the corpus documents, with its entity id after linking. */
class EntityMentionsTableTest {
    private static Dataset<Row> corpusDocuments() {
        return analyzed(
                doc("d1").mention(0, 0, 5, "Obama", "PER", "Obama", "PER:obama")
                        .mention(0, 15, 20, "Kabul", "LOC", "Kabul", "LOC:kabul")
                        .mention(1, 30, 32, "US", "LOC", "U.S.", "LOC:us"),
                doc("d2").mention(2, 40, 52, "Barack Obama", "PER", "Barack Obama", "PER:barack obama"),
                doc("d3"));
    }

    private static Dataset<Row> links() {
        return frame(EntityLinksTest.LINKS, row("PER:obama", "PER:barack obama"));
    }

    @Test
    void linkedMentionsKeepTheirCanonicalTextAndTakeTheLinkedId() {
        Dataset<Row> linked = EntityMentionsTable.linked(corpusDocuments(), links());
        assertEquals(List.of("doc_id", "sentence", "begin", "end", "text", "type", "canonical", "entity_id"),
                Arrays.asList(linked.columns()));
        assertRows(List.of(
                        row("d1", 0, 0, 5, "Obama", "PER", "Obama", "PER:barack obama"),
                        row("d1", 0, 15, 20, "Kabul", "LOC", "Kabul", "LOC:kabul"),
                        row("d1", 1, 30, 32, "US", "LOC", "U.S.", "LOC:us"),
                        row("d2", 2, 40, 52, "Barack Obama", "PER", "Barack Obama", "PER:barack obama")),
                linked.orderBy("doc_id", "begin").collectAsList());
    }

    @Test
    void tableIsTheLinkedMentionsWithoutCanonical() {
        Dataset<Row> table = EntityMentionsTable.from(EntityMentionsTable.linked(corpusDocuments(), links()));
        assertColumns(Table.ENTITY_MENTIONS, table);
        assertRows(List.of(
                        row("d1", 0, 0, 5, "Obama", "PER", "PER:barack obama"),
                        row("d1", 0, 15, 20, "Kabul", "LOC", "LOC:kabul"),
                        row("d1", 1, 30, 32, "US", "LOC", "LOC:us"),
                        row("d2", 2, 40, 52, "Barack Obama", "PER", "PER:barack obama")),
                sorted(Table.ENTITY_MENTIONS, table));
    }
}
