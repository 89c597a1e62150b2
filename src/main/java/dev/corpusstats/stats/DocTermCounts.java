package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

/**
 * The corpus's (doc_id, term, n, count, tf) rows: the analyzed documents that count for corpus
 * statistics (all, or only the first of each set of identical texts), with their n-gram counts
 * exploded. {@code terms} and {@code doc_terms} are both derived from it.
 */
final class DocTermCounts {
    private DocTermCounts() {
    }

    /** The analyzed documents that corpus statistics count. */
    static Dataset<Row> corpusDocuments(Dataset<Row> analyzed, boolean countDuplicatesOnce) {
        return countDuplicatesOnce ? analyzed.filter(col("duplicate_of").isNull()) : analyzed;
    }

    static Dataset<Row> from(Dataset<Row> corpusDocuments) {
        return corpusDocuments.select(col("doc_id"), explode(col("terms")).as("t"))
                .select(col("doc_id"), col("t.term").as("term"), col("t.n").as("n"), col("t.count").as("count"),
                        col("t.tf").as("tf"));
    }
}
