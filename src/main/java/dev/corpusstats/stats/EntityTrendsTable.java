package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code entity_trends} table: for each entity in at least {@code trends.min_doc_count} corpus
 * documents ({@code entities.doc_count}), its mentions and documents in each period where it is
 * mentioned, and {@code doc_share = doc_count / periods.documents}.
 */
final class EntityTrendsTable {
    private EntityTrendsTable() {
    }

    /**
     * @param docEntities     the doc_entities table
     * @param documentPeriods {@link DocumentPeriods#of} the corpus documents
     * @param periods         the periods table
     */
    static Dataset<Row> from(Dataset<Row> docEntities, Dataset<Row> documentPeriods, Dataset<Row> periods, int minDocCount) {
        Dataset<Row> dated = docEntities.select("doc_id", "entity_id", "mentions")
                .join(documentPeriods.select("doc_id", DocumentPeriods.PERIOD), "doc_id");
        Dataset<Row> frequent = docEntities.groupBy("entity_id").agg(count(lit(1)).as("corpus_docs"))
                .filter(col("corpus_docs").geq(minDocCount)).select("entity_id");
        Dataset<Row> counts = dated.join(frequent, "entity_id")
                .groupBy(col(DocumentPeriods.PERIOD), col("entity_id"))
                .agg(sum("mentions").cast("long").as("mentions"), count(lit(1)).as("doc_count"));
        return Table.ENTITY_TRENDS.select(TermTrendsTable.withDocShare(counts, periods));
    }
}
