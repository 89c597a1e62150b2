package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.lit;

/**
 * The {@code documents} table: every accepted document with its counts, from the analyzed
 * documents. With {@code output.keep_text: false} the text column is null.
 */
final class DocumentsTable {
    private DocumentsTable() {
    }

    /** @param analyzed {@link AnalyzeDocuments} rows, duplicates included */
    static Dataset<Row> from(Dataset<Row> analyzed, boolean keepText) {
        return Table.DOCUMENTS.select(keepText ? analyzed : analyzed.withColumn("text", lit(null).cast("string")));
    }
}
