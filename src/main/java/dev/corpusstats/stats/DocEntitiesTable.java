package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

/**
 * The {@code doc_entities} table: per corpus document, its entities with mention counts, first
 * offset and salience, as the NLP core computed them per document ({@code nlp.entities.DocEntity}),
 * after {@link EntityLinks person linking}.
 */
final class DocEntitiesTable {
    private DocEntitiesTable() {
    }

    /**
     * Each document's entities as the NLP core found them, before linking (the input of
     * {@link EntityLinks#from}): doc_id, entity_id, name, type, mentions, first_begin, salience.
     */
    static Dataset<Row> perDocument(Dataset<Row> corpusDocuments) {
        return corpusDocuments.select(col("doc_id"), explode(col("entities")).as("e")).select(col("doc_id"), col("e.*"));
    }

    /**
     * The table's rows. A document that mentions both a linked one-word person and its full name
     * (rare: the resolver merges those within a document) gets one row, with summed mentions and
     * salience, named after the more mentioned of the two (ties: the greater name, so reruns agree).
     *
     * @param corpusDocuments {@link DocTermCounts#corpusDocuments} rows
     * @param links           {@link EntityLinks#from} rows
     */
    static Dataset<Row> from(Dataset<Row> corpusDocuments, Dataset<Row> links) {
        return Table.DOC_ENTITIES.select(EntityLinks.relink(perDocument(corpusDocuments), links)
                .groupBy("doc_id", "entity_id")
                .agg(expr("max_by(name, named_struct('mentions', mentions, 'name', name))").as("name"), first("type").as("type"),
                        sum("mentions").cast("int").as("mentions"), min("first_begin").as("first_begin"),
                        sum("salience").as("salience")));
    }
}
