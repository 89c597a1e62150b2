package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code term_trends} table: for each unigram and bigram in at least {@code trends.min_doc_count}
 * corpus documents ({@code terms.doc_count}), its count and documents in each period where it
 * occurs, and {@code doc_share = doc_count / periods.documents}. Undated documents are in no period.
 */
final class TermTrendsTable {
    /** Longest n-gram with trends and bursts: trigrams would mostly repeat their bigrams' curves. */
    static final int MAX_N = 2;

    private TermTrendsTable() {
    }

    /**
     * @param docTermCounts   {@link DocTermCounts} rows
     * @param terms           the terms table
     * @param documentPeriods {@link DocumentPeriods#of} the corpus documents
     * @param periods         the periods table
     */
    static Dataset<Row> from(Dataset<Row> docTermCounts, Dataset<Row> terms, Dataset<Row> documentPeriods,
                             Dataset<Row> periods, int minDocCount) {
        Dataset<Row> frequent = terms.filter(col("n").leq(MAX_N).and(col("doc_count").geq(minDocCount)))
                .select(col("term"), col("n"));
        Dataset<Row> counts = docTermCounts.filter(col("n").leq(MAX_N))
                .join(documentPeriods.select("doc_id", DocumentPeriods.PERIOD), "doc_id")
                .join(frequent, new String[] {"term", "n"})
                .groupBy(col(DocumentPeriods.PERIOD), col("term"), col("n"))
                .agg(sum("count").cast("long").as("count"), count(lit(1)).as("doc_count"));
        return Table.TERM_TRENDS.select(withDocShare(counts, periods));
    }

    /** {@code doc_share}: a row's doc_count over its period's documents. */
    static Dataset<Row> withDocShare(Dataset<Row> counts, Dataset<Row> periods) {
        return counts.join(periods.select(col("period"), col("documents")), "period")
                .withColumn("doc_share", col("doc_count").cast("double").divide(col("documents")));
    }
}
