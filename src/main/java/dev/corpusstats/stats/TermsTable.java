package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code terms} table: per (term, n), total_count (sum of the documents' counts), doc_count
 * (documents containing it) and the smoothed {@link Formulas#idf idf}. Both sums are mergeable
 * partial states: the table of A ∪ B is the sum of the tables of A and B.
 */
final class TermsTable {
    private TermsTable() {
    }

    /**
     * @param docTermCounts {@link DocTermCounts} rows
     * @param corpusDocs    N, the number of documents counted
     */
    static Dataset<Row> from(Dataset<Row> docTermCounts, long corpusDocs) {
        return Table.TERMS.select(docTermCounts.groupBy("term", "n")
                .agg(sum("count").cast("long").as("total_count"), count(lit(1)).as("doc_count"))
                .withColumn("idf", FormulaColumns.idf(lit(corpusDocs), col("doc_count"))));
    }
}
