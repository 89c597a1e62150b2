package dev.corpusstats.testing;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares two outputs table by table, as multisets of rows: equal contents, whatever the files. */
public final class TableComparison {
    private TableComparison() {
    }

    public static void assertSameTables(SparkSession spark, Path expected, Path actual) {
        List<String> differences = new ArrayList<>();
        for (Table table : Table.values()) {
            Dataset<Row> a = spark.read().parquet(expected.resolve(table.folder()).toString());
            Dataset<Row> b = spark.read().parquet(actual.resolve(table.folder()).toString());
            long onlyA = a.exceptAll(b).count();
            long onlyB = b.exceptAll(a).count();
            if (onlyA != 0 || onlyB != 0) {
                differences.add(table.folder() + ": " + onlyA + " rows only in " + expected + ", " + onlyB + " only in " + actual
                        + "; e.g. " + a.exceptAll(b).limit(2).collectAsList() + " vs " + b.exceptAll(a).limit(2).collectAsList());
            }
        }
        assertTrue(differences.isEmpty(), "tables differ between " + expected + " and " + actual + ":\n"
                + String.join("\n", differences));
    }
}
