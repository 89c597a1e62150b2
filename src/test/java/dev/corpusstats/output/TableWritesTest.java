package dev.corpusstats.output;

import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableWritesTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    private Dataset<Row> terms(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(RowFactory.create("term" + i, 1 + i % 3, (long) i + 1, 1L, 0.5));
        }
        return spark.createDataFrame(rows, Table.TERMS.schema());
    }

    private Dataset<Row> collocations(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(RowFactory.create("a b" + i, "a", "b" + i, 2L, 3L, 4L, 1.0, 0.5, 7.0));
        }
        return spark.createDataFrame(rows, Table.COLLOCATIONS.schema());
    }

    @Test
    void writesTablesAtOnceAndReportsEachInSubmissionOrder() {
        String root = dir.toString();
        Map<Table, TableWrites.Written> written;
        try (TableWrites writes = new TableWrites(spark.sparkContext(), root, 3)) {
            writes.submit(Table.TERMS, terms(40));
            writes.submit(Table.COLLOCATIONS, collocations(7));
            written = writes.awaitAll();
        }
        assertEquals(List.of(Table.TERMS, Table.COLLOCATIONS), List.copyOf(written.keySet()));
        assertEquals(40, written.get(Table.TERMS).rows());
        assertEquals(7, written.get(Table.COLLOCATIONS).rows());
        assertEquals(40, spark.read().parquet(TableWriter.pathOf(root, Table.TERMS)).count());
        assertEquals(7, spark.read().parquet(TableWriter.pathOf(root, Table.COLLOCATIONS)).count());
    }

    @Test
    void aFailedWriteFailsTheWholeWithItsOwnException() {
        Dataset<Row> failing = terms(5).withColumn("term", expr("if(length(term) > 0, raise_error('no disk left'), term)"));
        Throwable thrown;
        try (TableWrites writes = new TableWrites(spark.sparkContext(), dir.toString(), 2)) {
            writes.submit(Table.COLLOCATIONS, collocations(3));
            writes.submit(Table.TERMS, failing);
            thrown = assertThrows(Throwable.class, writes::awaitAll);
        }
        assertFalse(thrown instanceof ExecutionException, "unwrapped, as on the main thread: " + thrown);
        boolean mentionsCause = false;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            mentionsCause |= String.valueOf(t.getMessage()).contains("no disk left");
        }
        assertTrue(mentionsCause, thrown.toString());
    }

    @Test
    void parallelismMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TableWrites(spark.sparkContext(), dir.toString(), 0));
    }
}
