package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

/**
 * The {@code entity_mentions} table: every mention in the corpus documents, with code-point offsets
 * into {@code documents.text} and the corpus-wide entity id after {@link EntityLinks person linking}.
 */
final class EntityMentionsTable {
    private EntityMentionsTable() {
    }

    /**
     * The corpus's mentions, linked: the table's columns and each mention's canonical text, which the
     * entities table names its entities by (doc_id, sentence, begin, end, text, type, canonical, entity_id).
     *
     * @param corpusDocuments {@link DocTermCounts#corpusDocuments} rows
     * @param links           {@link EntityLinks#from} rows
     */
    static Dataset<Row> linked(Dataset<Row> corpusDocuments, Dataset<Row> links) {
        Dataset<Row> mentions = corpusDocuments.select(col("doc_id"), explode(col("mentions")).as("m"))
                .select(col("doc_id"), col("m.*"));
        return EntityLinks.relink(mentions, links);
    }

    /** The table's rows, from {@link #linked} mentions. */
    static Dataset<Row> from(Dataset<Row> linkedMentions) {
        return Table.ENTITY_MENTIONS.select(linkedMentions);
    }
}
