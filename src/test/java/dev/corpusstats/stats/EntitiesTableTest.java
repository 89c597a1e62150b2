package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/** {@link EntitiesTable}: per entity its name, counts and variants, from linked mentions and doc_entities. */
class EntitiesTableTest {
    /** {@link EntityMentionsTable#linked} rows. */
    private static final StructType LINKED_MENTIONS = new StructType().add("doc_id", DataTypes.StringType, false)
            .add("sentence", DataTypes.IntegerType, false).add("begin", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false).add("text", DataTypes.StringType, false)
            .add("type", DataTypes.StringType, false).add("canonical", DataTypes.StringType, false)
            .add("entity_id", DataTypes.StringType, false);

    private static Row mention(String docId, int begin, String text, String canonical, String entityId) {
        return row(docId, 0, begin, begin + text.length(), text, entityId.substring(0, 3), canonical, entityId);
    }

    private static Row docEntity(String docId, String entityId, String name, int mentions) {
        return row(docId, entityId, name, entityId.substring(0, 3), mentions, 0, 1.0);
    }

    @Test
    void namesCountsAndVariants() {
        Dataset<Row> mentions = frame(LINKED_MENTIONS,
                // PER:barack obama (d1 and d3 linked from PER:obama): canonical "Obama" 3 times, "Barack Obama" twice;
                // only the latter has the key's two words, so it names the entity.
                mention("d1", 0, "Obama", "Obama", "PER:barack obama"), mention("d1", 20, "Obama", "Obama", "PER:barack obama"),
                mention("d2", 0, "Barack Obama", "Barack Obama", "PER:barack obama"),
                mention("d2", 30, "Obama", "Barack Obama", "PER:barack obama"),
                mention("d3", 0, "Obama", "Obama", "PER:barack obama"),
                // LOC:us: "United States" is the most frequent canonical but has two words; "U.S." and "US" tie: "U.S." sorts first.
                mention("d1", 40, "U.S.", "U.S.", "LOC:us"),
                mention("d2", 50, "US", "US", "LOC:us"),
                mention("d2", 60, "United States", "United States", "LOC:us"),
                mention("d2", 80, "United States", "United States", "LOC:us"),
                // ORG:taliban: no canonical with the key's one word, so the most frequent of all.
                mention("d1", 60, "Taliban", "The Taliban", "ORG:taliban"), mention("d1", 70, "The Taliban", "The Taliban", "ORG:taliban"));
        Dataset<Row> docEntities = frame(Table.DOC_ENTITIES.schema(),
                docEntity("d1", "PER:barack obama", "Obama", 2), docEntity("d2", "PER:barack obama", "Barack Obama", 2),
                docEntity("d3", "PER:barack obama", "Obama", 1),
                docEntity("d1", "LOC:us", "U.S.", 1), docEntity("d2", "LOC:us", "United States", 3),
                docEntity("d1", "ORG:taliban", "The Taliban", 2));
        Dataset<Row> entities = EntitiesTable.from(mentions, docEntities);
        assertColumns(Table.ENTITIES, entities);
        assertRows(List.of(
                        row("LOC:us", "U.S.", "LOC", 4L, 2L, List.of(row("United States", 2L), row("U.S.", 1L), row("US", 1L))),
                        row("ORG:taliban", "The Taliban", "ORG", 2L, 1L, List.of(row("Taliban", 1L), row("The Taliban", 1L))),
                        row("PER:barack obama", "Barack Obama", "PER", 5L, 3L, List.of(row("Obama", 4L), row("Barack Obama", 1L)))),
                sorted(Table.ENTITIES, entities));
    }
}
