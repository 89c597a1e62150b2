package dev.corpusstats.output;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The tables of a run, written a few at a time ({@link ParallelActions}), each with
 * {@link TableWriter}. Add a way to build every table's plan, then {@link #run}.
 */
public final class TableWrites {
    /** What one table's write produced. */
    public record Written(Table table, long rows, double seconds) {
    }

    private final String outputRoot;
    private final Map<Table, Callable<Written>> writes = new LinkedHashMap<>();

    public TableWrites(String outputRoot) {
        this.outputRoot = outputRoot;
    }

    /**
     * A table whose plan is built when its write starts, on the thread that runs it: building a
     * Dataset (Spark's analysis, and the caches it registers) then overlaps the writes already
     * running instead of delaying the first of them.
     */
    public TableWrites add(Table table, Supplier<Dataset<Row>> plan) {
        if (writes.containsKey(table)) {
            throw new IllegalArgumentException("table " + table.folder() + " is written twice");
        }
        writes.put(table, () -> {
            long start = System.nanoTime();
            long rows = TableWriter.write(plan.get(), table, outputRoot);
            return new Written(table, rows, Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        });
        return this;
    }

    /**
     * Writes every table added, at most {@code parallelism} at once (1: one after another).
     *
     * @return each table's row count and wall time, in the order added (when writes overlap, the
     *         times add up to more than the elapsed time)
     */
    public Map<Table, Written> run(SparkContext spark, int parallelism) {
        return ParallelActions.run(spark, writes, parallelism);
    }
}
