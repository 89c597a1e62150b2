package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

/**
 * The {@code doc_entities} table: per corpus document, its entities with mention counts, first
 * offset and salience, as the NLP core computed them per document ({@link dev.corpusstats.nlp.DocEntity}).
 */
public final class DocEntitiesTable {
    private DocEntitiesTable() {
    }

    public static Dataset<Row> from(Dataset<Row> corpusDocuments) {
        return corpusDocuments.select(col("doc_id"), explode(col("entities")).as("e")).select(col("doc_id"), col("e.*"));
    }
}
