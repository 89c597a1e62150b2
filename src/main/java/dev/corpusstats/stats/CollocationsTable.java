package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.udf;

/**
 * The {@code collocations} table: bigram terms seen at least {@code collocations.min_count} times,
 * with their words' unigram counts and three association scores ({@link Formulas#pmi PMI},
 * {@link Formulas#npmi NPMI}, {@link Formulas#logLikelihoodRatio G²}), all against N = the corpus's
 * unigram term count. Built from {@code terms} alone, so it reconciles with it exactly.
 */
public final class CollocationsTable {
    static final UserDefinedFunction PMI = score("pmi", Formulas::pmi);
    static final UserDefinedFunction NPMI = score("npmi", Formulas::npmi);
    static final UserDefinedFunction LLR = score("llr", Formulas::logLikelihoodRatio);

    private CollocationsTable() {
    }

    /**
     * @param terms    the terms table
     * @param minCount bigrams seen fewer times are left out
     * @param n        N₁, the corpus's unigram term occurrences (Σ total_count over n = 1)
     */
    public static Dataset<Row> from(Dataset<Row> terms, int minCount, long n) {
        Dataset<Row> unigrams = terms.filter(col("n").equalTo(1)).select("term", "total_count");
        Dataset<Row> bigrams = terms.filter(col("n").equalTo(2).and(col("total_count").geq(minCount)))
                .select(col("term").as("bigram"), col("total_count").as("count"), split(col("term"), " ").as("words"))
                .filter(size(col("words")).equalTo(2))
                .select(col("bigram"), col("count"), col("words").getItem(0).as("first"), col("words").getItem(1).as("second"));
        Dataset<Row> firstCounts = unigrams.withColumnRenamed("term", "first").withColumnRenamed("total_count", "first_count");
        Dataset<Row> secondCounts = unigrams.withColumnRenamed("term", "second").withColumnRenamed("total_count", "second_count");
        return bigrams.join(firstCounts, "first").join(secondCounts, "second")
                .withColumn("pmi", PMI.apply(col("count"), col("first_count"), col("second_count"), lit(n)))
                .withColumn("npmi", NPMI.apply(col("count"), col("first_count"), col("second_count"), lit(n)))
                .withColumn("llr", LLR.apply(col("count"), col("first_count"), col("second_count"), lit(n)))
                .select("bigram", "first", "second", "count", "first_count", "second_count", "pmi", "npmi", "llr");
    }

    private interface Score extends java.io.Serializable {
        double apply(long c12, long c1, long c2, long n);
    }

    private static UserDefinedFunction score(String name, Score f) {
        UDF4<Long, Long, Long, Long, Double> udf = (c12, c1, c2, n) -> f.apply(c12, c1, c2, n);
        return udf(udf, DataTypes.DoubleType).withName(name);
    }
}
