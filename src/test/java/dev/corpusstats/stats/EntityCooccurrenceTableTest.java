package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityCooccurrenceTableTest {
    @Test
    void pairsOfADocumentCountTheSentencesTheyShare() {
        // Karzai in sentences 0, 2; Taliban in 0, 2, 2 (twice in one sentence); Kabul in 1.
        List<EntityCooccurrenceTable.Pair> pairs = EntityCooccurrenceTable.pairsInDocument(
                new int[] {0, 0, 1, 2, 2, 2},
                new String[] {"PER:karzai", "ORG:taliban", "LOC:kabul", "ORG:taliban", "PER:karzai", "ORG:taliban"});
        assertEquals(List.of(
                new EntityCooccurrenceTable.Pair("LOC:kabul", "ORG:taliban", 0),
                new EntityCooccurrenceTable.Pair("LOC:kabul", "PER:karzai", 0),
                new EntityCooccurrenceTable.Pair("ORG:taliban", "PER:karzai", 2)), pairs);
        assertEquals(List.of(), EntityCooccurrenceTable.pairsInDocument(new int[] {0, 3}, new String[] {"PER:a", "PER:a"}));
    }

    @Test
    void entityOrderIsSparksOrderOfCodePoints() {
        String bmp = "PER:\uFB01"; // U+FB01, above the surrogates in UTF-16, below U+1D400 in code points
        String astral = "PER:\uD835\uDC00"; // U+1D400
        assertTrue(bmp.compareTo(astral) > 0, "Java's UTF-16 order");
        assertTrue(EntityCooccurrenceTable.compareAsSpark(bmp, astral) < 0);
        SparkSession spark = TestSpark.session();
        Row row = spark.sql("SELECT '" + bmp + "' < '" + astral + "'").first();
        assertTrue(row.getBoolean(0), "Spark agrees");
        assertEquals(bmp, EntityCooccurrenceTable.pairsInDocument(new int[] {0, 0}, new String[] {astral, bmp}).get(0).entityA());
    }

    @Test
    void tableSumsPairsOverDocumentsWithNpmi() {
        SparkSession spark = TestSpark.session();
        StructType mentionSchema = new StructType().add("doc_id", DataTypes.StringType).add("sentence", DataTypes.IntegerType)
                .add("entity_id", DataTypes.StringType);
        Dataset<Row> mentions = spark.createDataFrame(List.of(
                RowFactory.create("d1", 0, "PER:a"), RowFactory.create("d1", 0, "ORG:b"), RowFactory.create("d1", 1, "PER:a"),
                RowFactory.create("d2", 0, "PER:a"), RowFactory.create("d2", 4, "ORG:b"),
                RowFactory.create("d3", 2, "LOC:c")), mentionSchema);
        Dataset<Row> docEntities = mentions.select("doc_id", "entity_id").distinct();
        List<String> rows = EntityCooccurrenceTable.from(mentions, docEntities, 3).orderBy("entity_a", "entity_b")
                .collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getLong(2) + " " + r.getLong(3)
                        + " " + Math.round(r.getDouble(4) * 1000) / 1000.0)
                .collect(Collectors.toList());
        // a and b: both in d1 and d2 (doc_count 2), one shared sentence (d1 #0); df 2 each of N = 3.
        assertEquals(List.of("ORG:b PER:a 1 2 " + Math.round(Formulas.documentNpmi(2L, 2L, 2L, 3L) * 1000) / 1000.0), rows);
    }
}
