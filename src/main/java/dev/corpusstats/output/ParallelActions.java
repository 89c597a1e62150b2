package dev.corpusstats.output;

import org.apache.spark.SparkContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs independent Spark actions (table writes, the report's queries) from a few driver threads.
 *
 * <p>Why: each action is a handful of small Spark jobs, and between them the cores wait while the
 * driver plans, compiles code and schedules. Spark runs jobs submitted from different threads side
 * by side (its FIFO scheduler gives free cores to the later job), so a second action fills those
 * gaps. Actions that share a cached input compute it once: a task needing a cached block that
 * another task is computing waits for it.
 *
 * <p>If one action fails, the actions not yet started never start, Spark is asked to cancel the
 * running ones' jobs, and the first failure is rethrown as it was thrown, unwrapped.
 */
public final class ParallelActions {
    private ParallelActions() {
    }

    /**
     * Runs every action, at most {@code parallelism} at a time, started in the order given. The first
     * failure, as soon as it happens, stops the actions not started yet and asks Spark to cancel the
     * running ones' jobs; it is rethrown once the running actions have ended, so that no write goes on
     * behind the caller's cleanup.
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
        CompletionService<V> done = new ExecutorCompletionService<>(threads);
        String jobGroup = "corpus-stats-" + UUID.randomUUID();
        Map<K, Future<V>> pending = new LinkedHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        Throwable failure = null;
        try {
            actions.forEach((key, action) -> pending.put(key, done.submit(() -> {
                if (failed.get()) {
                    return null; // an earlier action failed: skipped (the result is never read)
                }
                // Job groups are per thread in Spark: this one lets a failure cancel the others.
                spark.setJobGroup(jobGroup, String.valueOf(key), false);
                try {
                    return action.call();
                } catch (Throwable e) {
                    failed.set(true); // before this thread can take the next action
                    throw e;
                } finally {
                    spark.clearJobGroup();
                }
            })));
            for (int i = 0; i < pending.size() && failure == null; i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while waiting for Spark actions", e);
                }
            }
        } finally {
            if (failure != null) {
                pending.values().forEach(f -> f.cancel(false)); // those not started never start
                spark.cancelJobGroupAndFutureJobs(jobGroup);
            }
            threads.shutdown();
            awaitQuietly(threads);
        }
        if (failure != null) {
            for (Future<V> f : pending.values()) { // failures of the others, caused or not by the cancel
                Throwable other = failureOf(f);
                if (other != null && other != failure) {
                    failure.addSuppressed(other);
                }
            }
            throw ParallelActions.<RuntimeException>rethrow(failure);
        }
        Map<K, V> results = new LinkedHashMap<>();
        for (Map.Entry<K, Future<V>> action : pending.entrySet()) {
            results.put(action.getKey(), doneResult(action.getValue()));
        }
        return results;
    }

    /** Waits for the running actions to end (cancelled Spark jobs stop within seconds), at most 10 minutes. */
    private static void awaitQuietly(ExecutorService threads) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (threads.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // still wait: the caller's cleanup must not race a running write
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <V> V doneResult(Future<V> done) {
        try {
            return done.get();
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("a completed action has no result", e); // cannot happen: all succeeded
        }
    }

    /** A finished action's exception; null if it succeeded, was cancelled or is still running. */
    private static Throwable failureOf(Future<?> f) {
        if (!f.isDone() || f.isCancelled()) {
            return null;
        }
        try {
            f.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
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
