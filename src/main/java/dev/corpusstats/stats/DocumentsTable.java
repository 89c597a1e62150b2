package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The {@code documents} table: every accepted document with its counts, from the analyzed
 * documents. With {@code output.keep_text: false} the text column is null.
 */
public final class DocumentsTable {
    private DocumentsTable() {
    }

    public static Dataset<Row> from(Dataset<Row> analyzed, boolean keepText) {
        Column[] columns = Arrays.stream(Table.DOCUMENTS.schema().fieldNames())
                .map(name -> name.equals("text") && !keepText ? lit(null).cast("string").as("text") : col(name))
                .toArray(Column[]::new);
        return analyzed.select(columns);
    }
}
