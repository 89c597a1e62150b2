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
import java.util.concurrent.atomic.AtomicInteger;

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
        Map<Table, TableWrites.Written> written = new TableWrites(root)
                .add(Table.TERMS, () -> terms(40))
                .add(Table.COLLOCATIONS, () -> collocations(7))
                .run(spark.sparkContext(), 3);
        assertEquals(List.of(Table.TERMS, Table.COLLOCATIONS), List.copyOf(written.keySet()));
        assertEquals(40, written.get(Table.TERMS).rows());
        assertEquals(7, written.get(Table.COLLOCATIONS).rows());
        assertEquals(40, spark.read().parquet(TableWriter.pathOf(root, Table.TERMS)).count());
        assertEquals(7, spark.read().parquet(TableWriter.pathOf(root, Table.COLLOCATIONS)).count());
    }

    @Test
    void aFailedWriteFailsTheWholeWithItsOwnException() {
        Dataset<Row> failing = terms(5).withColumn("term", expr("if(length(term) > 0, raise_error('no disk left'), term)"));
        TableWrites writes = new TableWrites(dir.toString())
                .add(Table.COLLOCATIONS, () -> collocations(3))
                .add(Table.TERMS, () -> failing);
        Throwable thrown = assertThrows(Throwable.class, () -> writes.run(spark.sparkContext(), 2));
        assertFalse(thrown instanceof ExecutionException, "unwrapped, as on the main thread: " + thrown);
        boolean mentionsCause = false;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            mentionsCause |= String.valueOf(t.getMessage()).contains("no disk left");
        }
        assertTrue(mentionsCause, thrown.toString());
    }

    @Test
    void aPlanIsBuiltOnlyWhenItsWriteStartsAndItsErrorsFailTheRun() {
        AtomicInteger built = new AtomicInteger();
        TableWrites writes = new TableWrites(dir.toString())
                .add(Table.TERMS, () -> {
                    built.incrementAndGet();
                    return terms(4);
                })
                .add(Table.COLLOCATIONS, () -> {
                    throw new IllegalStateException("table plan broken");
                });
        assertEquals(0, built.get(), "nothing built when added");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> writes.run(spark.sparkContext(), 1));
        assertEquals("table plan broken", thrown.getMessage());
        assertEquals(1, built.get());
        assertEquals(4, spark.read().parquet(TableWriter.pathOf(dir.toString(), Table.TERMS)).count());
    }

    @Test
    void parallelismMustBePositive() {
        TableWrites writes = new TableWrites(dir.toString()).add(Table.TERMS, () -> terms(1));
        assertThrows(IllegalArgumentException.class, () -> writes.run(spark.sparkContext(), 0));
        assertThrows(IllegalArgumentException.class, () -> writes.add(Table.TERMS, () -> terms(2)), "a table written twice");
    }
}
