package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

/**
 * The {@code entity_mentions} table: every mention in the corpus documents, with code-point offsets
 * into {@code documents.text} and the corpus-wide entity id. Also the input of the other entity
 * tables (with the canonical text, which the table itself does not keep).
 */
public final class EntityMentionsTable {
    private EntityMentionsTable() {
    }

    /** Mentions with their canonical text: doc_id, sentence, begin, end, text, type, canonical, entity_id. */
    public static Dataset<Row> mentions(Dataset<Row> corpusDocuments) {
        return corpusDocuments.select(col("doc_id"), explode(col("mentions")).as("m")).select(col("doc_id"), col("m.*"));
    }

    public static Dataset<Row> from(Dataset<Row> mentions) {
        return mentions.select("doc_id", "sentence", "begin", "end", "text", "type", "entity_id");
    }
}
