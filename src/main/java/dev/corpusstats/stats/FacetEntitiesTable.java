package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code facet_entities} table: for each value of each facet, the entities over-represented in
 * its corpus documents against the rest of the corpus, by the log-likelihood ratio of {@code
 * facet_terms} over mentions: c₁₂ = the entity's mentions in the value's documents, c₁ = its
 * mentions in the corpus, c₂ = all mentions in the value's documents, N = all mentions in the
 * corpus (all from {@code doc_entities}). The same over-representation test, minimum documents
 * and top-K as {@code facet_terms} (ties: entity_id).
 */
final class FacetEntitiesTable {
    private FacetEntitiesTable() {
    }

    /**
     * @param docEntities the doc_entities table
     * @param docFacets   the doc_facets table
     */
    static Dataset<Row> from(Dataset<Row> docEntities, Dataset<Row> docFacets, int minDocCount, int topK) {
        Dataset<Row> mentions = docEntities.select("doc_id", "entity_id", "mentions");
        Dataset<Row> docTotals = mentions.groupBy("doc_id").agg(sum("mentions").cast("long").as("doc_total"));
        Row corpus = docTotals.agg(sum("doc_total")).first();
        long total = corpus.isNullAt(0) ? 0 : corpus.getLong(0);
        Dataset<Row> valueTotals = docTotals.join(docFacets, "doc_id").groupBy("facet", "value")
                .agg(sum("doc_total").as("value_total"));
        Dataset<Row> entityTotals = mentions.groupBy("entity_id").agg(sum("mentions").cast("long").as("corpus_mentions"));
        Dataset<Row> scored = mentions.join(docFacets, "doc_id")
                .groupBy(col("facet"), col("value"), col("entity_id"))
                .agg(sum("mentions").cast("long").as("mentions"), count(lit(1)).as("doc_count"))
                .filter(col("doc_count").geq(minDocCount))
                .join(entityTotals, "entity_id")
                .join(valueTotals, new String[] {"facet", "value"})
                .withColumn("corpus_total", lit(total));
        return Table.FACET_ENTITIES.select(FacetTermsTable.top(scored, "mentions", "corpus_mentions", topK, col("entity_id")));
    }
}
