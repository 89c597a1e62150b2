package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

/**
 * The {@code entity_cooccurrence} table: pairs of entities mentioned in the same document, each pair
 * once ({@code entity_a < entity_b}), with the number of sentences and of documents that mention
 * both, and {@link Formulas#documentNpmi document-level NPMI}.
 */
public final class EntityCooccurrenceTable {
    static final UserDefinedFunction NPMI = udf((UDF4<Long, Long, Long, Long, Double>) Formulas::documentNpmi,
            DataTypes.DoubleType).withName("document_npmi");

    private EntityCooccurrenceTable() {
    }

    /**
     * @param mentions    {@link EntityMentionsTable#mentions} rows
     * @param docEntities the doc_entities table
     * @param corpusDocs  N
     */
    public static Dataset<Row> from(Dataset<Row> mentions, Dataset<Row> docEntities, long corpusDocs) {
        Dataset<Row> inDocs = docEntities.select("doc_id", "entity_id");
        Dataset<Row> docPairs = pairs(inDocs, "doc_id").groupBy("entity_a", "entity_b").agg(count(lit(1)).as("doc_count"));
        Dataset<Row> inSentences = mentions.select("doc_id", "sentence", "entity_id").distinct();
        Dataset<Row> sentencePairs = pairs(inSentences, "doc_id", "sentence").groupBy("entity_a", "entity_b")
                .agg(count(lit(1)).as("sentence_count"));
        Dataset<Row> docCounts = docEntities.groupBy("entity_id").agg(count(lit(1)).as("df"));
        return docPairs.join(sentencePairs, new String[] {"entity_a", "entity_b"}, "left")
                .join(docCounts.withColumnRenamed("entity_id", "entity_a").withColumnRenamed("df", "df_a"), "entity_a")
                .join(docCounts.withColumnRenamed("entity_id", "entity_b").withColumnRenamed("df", "df_b"), "entity_b")
                .withColumn("sentence_count", coalesce(col("sentence_count"), lit(0L)))
                .withColumn("npmi", NPMI.apply(col("doc_count"), col("df_a"), col("df_b"), lit(corpusDocs)))
                .select("entity_a", "entity_b", "sentence_count", "doc_count", "npmi");
    }

    /** Every pair of distinct entities sharing the same values of {@code keys}, ordered a < b. */
    private static Dataset<Row> pairs(Dataset<Row> rows, String... keys) {
        Dataset<Row> a = rows.withColumnRenamed("entity_id", "entity_a");
        Dataset<Row> b = rows.withColumnRenamed("entity_id", "entity_b");
        return a.join(b, keys).filter(col("entity_a").lt(col("entity_b")));
    }
}
