package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link EntityLinks}: which one-word persons link to a multi-word person, and ids rewritten through the links. */
class EntityLinksTest {
    /** {@link DocEntitiesTable#perDocument} rows. */
    static final StructType PER_DOCUMENT = new StructType().add("doc_id", DataTypes.StringType, false)
            .add("entity_id", DataTypes.StringType, false).add("name", DataTypes.StringType, false)
            .add("type", DataTypes.StringType, false).add("mentions", DataTypes.IntegerType, false)
            .add("first_begin", DataTypes.IntegerType, false).add("salience", DataTypes.DoubleType, false);

    static final StructType LINKS = new StructType().add("from_id", DataTypes.StringType, false)
            .add("to_id", DataTypes.StringType, false);

    private static Row entity(String docId, String entityId, int mentions) {
        String type = entityId.substring(0, 3);
        return row(docId, entityId, entityId.substring(4), type, mentions, 0, 0.5);
    }

    @Test
    void linksAOneWordPersonToItsOnlyOrDominantFullName() {
        Dataset<Row> perDocument = frame(PER_DOCUMENT,
                // obama: Barack 4 + 3 = 7 mentions over two documents, Michelle 2; 7 >= 3 · 2: linked.
                entity("d1", "PER:obama", 2), entity("d2", "PER:barack obama", 4), entity("d3", "PER:barack obama", 3),
                entity("d3", "PER:michelle obama", 2), entity("d4", "PER:obama", 1),
                // clinton: Bill 4, Hillary 2; 4 < 3 · 2: not linked.
                entity("d1", "PER:clinton", 1), entity("d2", "PER:bill clinton", 4), entity("d3", "PER:hillary clinton", 2),
                // bush: George 3, Laura 1; exactly 3 times: linked.
                entity("d1", "PER:bush", 5), entity("d2", "PER:george bush", 3), entity("d4", "PER:laura bush", 1),
                // karzai: the only candidate, however rare.
                entity("d1", "PER:karzai", 9), entity("d2", "PER:hamid karzai", 1),
                // smith: no candidate; taliban: not a person.
                entity("d1", "PER:smith", 1), entity("d1", "ORG:taliban", 3), entity("d2", "ORG:afghan taliban", 3));
        Dataset<Row> links = EntityLinks.from(perDocument);
        assertEquals(List.of("from_id", "to_id"), Arrays.asList(links.columns()));
        assertRows(List.of(
                        row("PER:bush", "PER:george bush"),
                        row("PER:karzai", "PER:hamid karzai"),
                        row("PER:obama", "PER:barack obama")),
                links.orderBy("from_id").collectAsList());
    }

    @Test
    void relinkRewritesLinkedIdsAndKeepsTheOthersAndTheColumns() {
        StructType schema = new StructType().add("doc_id", DataTypes.StringType).add("entity_id", DataTypes.StringType)
                .add("count", DataTypes.IntegerType);
        Dataset<Row> rows = frame(schema,
                row("d1", "PER:obama", 1), row("d1", "LOC:kabul", 2), row("d2", "PER:barack obama", 3), row("d2", "PER:bush", 4));
        Dataset<Row> links = frame(LINKS, row("PER:obama", "PER:barack obama"), row("PER:karzai", "PER:hamid karzai"));
        Dataset<Row> relinked = EntityLinks.relink(rows, links);
        assertEquals(List.of("doc_id", "entity_id", "count"), Arrays.asList(relinked.columns()));
        assertRows(List.of(
                        row("d1", "LOC:kabul", 2), row("d1", "PER:barack obama", 1),
                        row("d2", "PER:barack obama", 3), row("d2", "PER:bush", 4)),
                relinked.orderBy("doc_id", "entity_id").collectAsList());
    }
}
