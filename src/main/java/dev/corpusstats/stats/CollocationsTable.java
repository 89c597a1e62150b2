package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;

/**
 * The {@code collocations} table: bigram terms seen at least {@code collocations.min_count} times,
 * with their words' unigram counts and three association scores ({@link Formulas#pmi PMI},
 * {@link Formulas#npmi NPMI}, {@link Formulas#logLikelihoodRatio G²}), all against N = the corpus's
 * unigram term count. Built from {@code terms} alone, so it reconciles with it exactly.
 */
final class CollocationsTable {
    private CollocationsTable() {
    }

    /**
     * @param terms    the terms table
     * @param minCount bigrams seen fewer times are left out
     * @param n        N₁, the corpus's unigram term occurrences (Σ total_count over n = 1)
     */
    static Dataset<Row> from(Dataset<Row> terms, int minCount, long n) {
        Dataset<Row> unigrams = terms.filter(col("n").equalTo(1)).select("term", "total_count");
        Dataset<Row> bigrams = terms.filter(col("n").equalTo(2).and(col("total_count").geq(minCount)))
                .select(col("term").as("bigram"), col("total_count").as("count"), split(col("term"), " ").as("words"))
                .filter(size(col("words")).equalTo(2))
                .select(col("bigram"), col("count"), col("words").getItem(0).as("first"), col("words").getItem(1).as("second"));
        Dataset<Row> firstCounts = unigrams.withColumnRenamed("term", "first").withColumnRenamed("total_count", "first_count");
        Dataset<Row> secondCounts = unigrams.withColumnRenamed("term", "second").withColumnRenamed("total_count", "second_count");
        return Table.COLLOCATIONS.select(bigrams.join(firstCounts, "first").join(secondCounts, "second")
                .withColumn("pmi", FormulaColumns.pmi(col("count"), col("first_count"), col("second_count"), lit(n)))
                .withColumn("npmi", FormulaColumns.npmi(col("count"), col("first_count"), col("second_count"), lit(n)))
                .withColumn("llr", FormulaColumns.logLikelihoodRatio(col("count"), col("first_count"), col("second_count"), lit(n))));
    }
}
