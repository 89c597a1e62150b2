package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The {@code facet_terms} table: for each value of each facet ({@code doc_facets}, {@code period}
 * included), the unigrams and bigrams over-represented in its corpus documents against the rest of
 * the corpus, by Dunning's log-likelihood ratio (the formula of {@code collocations.llr}) with
 * c₁₂ = the term's count in the value's documents, c₁ = its corpus count ({@code terms.total_count}),
 * c₂ = all n-gram occurrences of its n in the value's documents, N = all of them in the corpus.
 * Over-represented: {@code c₁₂ / c₂ > (c₁ − c₁₂) / (N − c₂)}; a term must be in at least {@code
 * facets.min_doc_count} of the value's documents; top {@code facets.top_k} per value by llr (ties:
 * shorter n-gram, then term).
 */
final class FacetTermsTable {
    private FacetTermsTable() {
    }

    /**
     * @param docTermCounts {@link DocTermCounts} rows
     * @param corpusDocuments analyzed corpus documents (their n-gram totals)
     * @param docFacets     the doc_facets table
     * @param terms         the terms table
     */
    static Dataset<Row> from(Dataset<Row> docTermCounts, Dataset<Row> corpusDocuments, Dataset<Row> docFacets,
                             Dataset<Row> terms, int minDocCount, int topK) {
        int maxN = TermTrendsTable.MAX_N;
        // Each document's n-gram occurrences per n, from its term array (no explode, no shuffle).
        Dataset<Row> docTotals = corpusDocuments.select(col("doc_id"), occurrences(1).as("total_1"), occurrences(2).as("total_2"));
        Row corpus = docTotals.agg(sum("total_1"), sum("total_2")).first();
        long n1 = corpus.isNullAt(0) ? 0 : corpus.getLong(0);
        long n2 = corpus.isNullAt(1) ? 0 : corpus.getLong(1);
        Dataset<Row> valueTotals = docTotals.join(docFacets, "doc_id").groupBy("facet", "value")
                .agg(sum("total_1").as("value_total_1"), sum("total_2").as("value_total_2"));
        Dataset<Row> counts = docTermCounts.filter(col("n").leq(maxN))
                .join(docFacets, "doc_id")
                .groupBy(col("facet"), col("value"), col("term"), col("n"))
                .agg(sum("count").cast("long").as("count"), count(lit(1)).as("doc_count"))
                .filter(col("doc_count").geq(minDocCount));
        Column valueTotal = when(col("n").equalTo(1), col("value_total_1")).otherwise(col("value_total_2"));
        Column corpusTotal = when(col("n").equalTo(1), lit(n1)).otherwise(lit(n2));
        Dataset<Row> scored = counts
                .join(terms.filter(col("n").leq(maxN)).select(col("term"), col("n"), col("total_count").as("corpus_count")),
                        new String[] {"term", "n"})
                .join(valueTotals, new String[] {"facet", "value"})
                .withColumn("value_total", valueTotal)
                .withColumn("corpus_total", corpusTotal);
        return Table.FACET_TERMS.select(top(scored, "count", "corpus_count", topK, col("n"), col("term")));
    }

    private static Column[] order(Column[] ties) {
        Column[] order = new Column[ties.length + 1];
        order[0] = col("llr").desc();
        System.arraycopy(ties, 0, order, 1, ties.length);
        return order;
    }

    /** A document's occurrences of n-grams of length {@code n}: Σ count over its terms of that n. */
    private static Column occurrences(int n) {
        return expr("aggregate(filter(terms, t -> t.n = " + n + "), 0L, (total, t) -> total + t.count)");
    }

    /**
     * The over-represented rows of {@code scored} (c₁₂ in {@code count}, c₁ in {@code keyTotal}, c₂
     * in {@code value_total}, N in {@code corpus_total}), scored and ranked per facet value, the top
     * {@code topK} kept; ties by llr are ordered by {@code ties}.
     */
    static Dataset<Row> top(Dataset<Row> scored, String count, String keyTotal, int topK, Column... ties) {
        Column k11 = col(count);
        Column rest = col(keyTotal).minus(k11);
        Column overRepresented = col("corpus_total").gt(col("value_total"))
                .and(k11.multiply(col("corpus_total").minus(col("value_total"))).gt(rest.multiply(col("value_total"))));
        return scored.filter(overRepresented)
                .withColumn("llr", FormulaColumns.logLikelihoodRatio(k11, col(keyTotal), col("value_total"), col("corpus_total")))
                .withColumn("rank", row_number().over(Window.partitionBy("facet", "value")
                        .orderBy(order(ties))))
                .filter(col("rank").leq(topK));
    }
}
