package dev.corpusstats.output;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes several tables at once, each with {@link TableWriter}, from a few driver threads.
 *
 * <p>Why: every table write is a handful of small Spark jobs, and between them the executors wait
 * while the driver plans, compiles code and schedules. Spark runs jobs submitted from different
 * threads side by side (its FIFO scheduler gives free cores to the later job), so a second write
 * fills those gaps. Tables that share a cached input compute it once: a second task needing the
 * same cached block waits for the first.
 *
 * <p>If one write fails, the others' Spark jobs are cancelled and the first failure is rethrown
 * when {@link #awaitAll()} returns.
 */
public final class TableWrites implements AutoCloseable {
    /** What one table's write produced. */
    public record Written(Table table, long rows, double seconds) {
    }

    private final SparkContext spark;
    private final String outputRoot;
    private final ExecutorService threads;
    private final String jobGroup = "corpus-stats-writes-" + UUID.randomUUID();
    private final Map<Table, Future<Written>> pending = new LinkedHashMap<>();

    /** @param parallelism how many tables are written at once; 1 writes them one after another */
    public TableWrites(SparkContext spark, String outputRoot, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.spark = spark;
        this.outputRoot = outputRoot;
        this.threads = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "table-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts writing {@code data} as {@code table} (the plan is built by the caller, the jobs run here). */
    public void submit(Table table, Dataset<Row> data) {
        if (pending.containsKey(table)) {
            throw new IllegalArgumentException("table " + table.folder() + " is written twice");
        }
        pending.put(table, threads.submit(() -> {
            // Job groups are per thread in Spark: this one lets a failure cancel the other writes.
            spark.setJobGroup(jobGroup, "write " + table.folder(), false);
            long start = System.nanoTime();
            long rows = TableWriter.write(data, table, outputRoot);
            return new Written(table, rows, Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        }));
    }

    /**
     * Waits for every write submitted, in submission order.
     *
     * @return each table's row count and wall time (writes overlap, so the times add up to more
     *         than the elapsed time)
     */
    public Map<Table, Written> awaitAll() {
        Map<Table, Written> written = new LinkedHashMap<>();
        Throwable failure = null;
        for (Map.Entry<Table, Future<Written>> write : pending.entrySet()) {
            try {
                written.put(write.getKey(), write.getValue().get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (failure == null) {
                    failure = cause;
                    spark.cancelJobGroup(jobGroup);
                } else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spark.cancelJobGroup(jobGroup);
                throw new IllegalStateException("interrupted while writing the tables", e);
            }
        }
        pending.clear();
        if (failure != null) {
            throw TableWrites.<RuntimeException>rethrow(failure);
        }
        return written;
    }

    /**
     * Rethrows the write's own exception, unwrapped, so the run fails with the same message as a
     * write on the main thread would. Spark throws its checked {@code SparkException} undeclared
     * from Scala code; this passes it on the same way.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
