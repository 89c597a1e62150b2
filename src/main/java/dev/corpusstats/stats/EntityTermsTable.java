package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code entity_terms} table: for each entity, the unigram terms most associated with the
 * sentences that mention it, against the whole corpus, by Dunning's log-likelihood ratio with
 * c₁₂ = the term's count in those sentences, c₁ = all term occurrences in those sentences,
 * c₂ = the term's corpus total, N = all unigram occurrences in the corpus. Only over-represented
 * terms ({@code c₁₂ / c₁ > c₂ / N}) and not the entity's own name words; top-K per entity.
 */
final class EntityTermsTable {
    private EntityTermsTable() {
    }

    /**
     * @param corpusDocuments analyzed corpus documents
     * @param terms           the terms table
     * @param topK            terms kept per entity
     * @param n               N₁, the corpus's unigram term occurrences
     * @param links           {@link EntityLinks} to apply to the per-document entity ids
     */
    static Dataset<Row> from(Dataset<Row> corpusDocuments, Dataset<Row> terms, int topK, long n, Dataset<Row> links) {
        Dataset<Row> unigrams = terms.filter(col("n").equalTo(1)).select(col("term"), col("total_count").as("corpus_count"));
        Dataset<Row> exploded = corpusDocuments.select(explode(col("entity_terms")).as("t"))
                .select(col("t.entity_id").as("entity_id"), col("t.term").as("term"), col("t.count").as("count"));
        Dataset<Row> counts = EntityLinks.relink(exploded, links)
                .groupBy(col("entity_id"), col("term"))
                .agg(sum("count").cast("long").as("count"));
        // c₁ and the rank both come from windows per entity, so the counts are computed once: with c₁
        // as a second aggregate joined back to the counts, Spark runs the explode and its partial
        // aggregation twice.
        WindowSpec byEntity = Window.partitionBy("entity_id");
        return Table.ENTITY_TERMS.select(counts.withColumn("entity_total", sum("count").over(byEntity))
                .join(unigrams, "term")
                .filter(col("count").multiply(lit(n)).gt(col("corpus_count").multiply(col("entity_total"))))
                .withColumn("llr", FormulaColumns.logLikelihoodRatio(col("count"), col("entity_total"), col("corpus_count"), lit(n)))
                .withColumn("rank", row_number().over(byEntity.orderBy(col("llr").desc(), col("term"))))
                .filter(col("rank").leq(topK)));
    }
}
