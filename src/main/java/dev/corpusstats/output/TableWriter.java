package dev.corpusstats.output;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.util.Arrays;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes a table as Parquet (zstd) under the output root, in {@link Table}'s column order, each file
 * sorted by the table's sort columns so that readers filtering on them skip row groups. Fails before writing if the
 * data's columns or types differ from the table's schema: the schemas in {@link Table} are the
 * contract.
 */
public final class TableWriter {
    private TableWriter() {
    }

    /**
     * Hash-partitions the rows by the table's first sort column (adaptive execution then merges
     * small partitions, so a small table is one or a few files) and sorts each file by all sort
     * columns. Row groups therefore have tight min/max statistics on the key, which is what lets a
     * reader filtering on it skip them; a global sort would only add a sampling job per table.
     *
     * @return the number of rows written, counted while writing (an {@link Observation}, so no
     *         second pass over the data)
     */
    public static long write(Dataset<Row> data, Table table, String outputRoot) {
        Observation rows = new Observation(table.folder() + "_rows");
        Column[] sortColumns = table.sortColumns().stream().map(c -> col(c)).toArray(Column[]::new);
        conform(data, table)
                .repartition(sortColumns[0])
                .sortWithinPartitions(sortColumns)
                .observe(rows, count(lit(1)).as("rows"))
                .write()
                .mode(SaveMode.Overwrite)
                .option("compression", "zstd")
                .parquet(pathOf(outputRoot, table));
        try {
            Object n = rows.getAsJava().get("rows");
            if (n == null) {
                throw new IllegalStateException("no row count observed for " + table.folder() + ": " + rows.getAsJava());
            }
            return ((Number) n).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the row count of " + table.folder(), e);
        }
    }

    public static String pathOf(String outputRoot, Table table) {
        return outputRoot.replaceAll("/+$", "") + "/" + table.folder();
    }

    /** Exactly the table's columns, in its order and with its types, or an exception saying what differs. */
    static Dataset<Row> conform(Dataset<Row> data, Table table) {
        if (data.schema().size() != table.schema().size()) {
            throw new IllegalStateException("table " + table.folder() + " has columns " + Arrays.toString(data.columns())
                    + ", schema says " + Arrays.toString(table.schema().fieldNames()));
        }
        return table.select(data);
    }
}
