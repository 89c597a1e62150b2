package dev.corpusstats.output;

import org.apache.spark.SparkContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent Spark actions (table writes, the report's queries) from a few driver threads.
 *
 * <p>Why: each action is a handful of small Spark jobs, and between them the cores wait while the
 * driver plans, compiles code and schedules. Spark runs jobs submitted from different threads side
 * by side (its FIFO scheduler gives free cores to the later job), so a second action fills those
 * gaps. Actions that share a cached input compute it once: a task needing a cached block that
 * another task is computing waits for it.
 *
 * <p>If one action fails, the Spark jobs of the others are cancelled and the first failure is
 * rethrown as it was thrown, unwrapped.
 */
public final class ParallelActions {
    private ParallelActions() {
    }

    /**
     * Runs every action, at most {@code parallelism} at a time, in the order given.
     *
     * @return each action's result, in the order given
     */
    public static <K, V> Map<K, V> run(SparkContext spark, Map<K, Callable<V>> actions, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        // Threads made here, outside any Spark SQL execution, so they inherit no execution id.
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, actions.size())), runnable -> {
            Thread thread = new Thread(runnable, "spark-action");
            thread.setDaemon(true);
            return thread;
        });
        String jobGroup = "corpus-stats-" + UUID.randomUUID();
        try {
            Map<K, Future<V>> pending = new LinkedHashMap<>();
            actions.forEach((key, action) -> pending.put(key, threads.submit(() -> {
                // Job groups are per thread in Spark: this one lets a failure cancel the others.
                spark.setJobGroup(jobGroup, String.valueOf(key), false);
                try {
                    return action.call();
                } finally {
                    spark.clearJobGroup();
                }
            })));
            Map<K, V> results = new LinkedHashMap<>();
            Throwable failure = null;
            for (Map.Entry<K, Future<V>> action : pending.entrySet()) {
                try {
                    results.put(action.getKey(), action.getValue().get());
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                        spark.cancelJobGroup(jobGroup);
                    } else if (failure != e.getCause()) {
                        failure.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    spark.cancelJobGroup(jobGroup);
                    throw new IllegalStateException("interrupted while waiting for Spark actions", e);
                }
            }
            if (failure != null) {
                throw ParallelActions.<RuntimeException>rethrow(failure);
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Rethrows an action's own exception, so a run fails with the same message as an action on the
     * main thread would. Spark throws its checked {@code SparkException} undeclared from Scala code;
     * this passes it on the same way.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable failure) throws T {
        throw (T) failure;
    }
}
