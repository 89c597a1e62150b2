package dev.corpusstats.job;

import dev.corpusstats.config.CommandLine;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.ingest.InputMissingException;
import dev.corpusstats.nlp.EntityEngines;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.OutputLockedException;
import dev.corpusstats.output.OutputRefusedException;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Entry point for {@code spark-submit} and jobs/run-local.sh: parses options, runs the pipeline,
 * exits with 0 (success), 2 (configuration or usage error; an output that overlaps the input or
 * holds entries the job did not make), 3 (input missing or unreadable), 4 (another run holds the
 * output root's lock) or 1 (the job failed). 2, 3 and 4 print one line on stderr; 3 and 1 leave a
 * manifest with status failed in the run's attempt folder.
 */
public final class CorpusStatsJob {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INPUT_MISSING = 3;
    public static final int OUTPUT_LOCKED = 4;
    /** Hadoop shutdown hook priority: Spark's hooks run at 40, Hadoop's filesystem close at 10. */
    static final int LOST_JVM_HOOK_PRIORITY = 20;

    private CorpusStatsJob() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        JobConfig config;
        try {
            CommandLine commandLine = CommandLine.parse(Arrays.asList(args));
            if (commandLine.help()) {
                out.println(CommandLine.USAGE);
                return OK;
            }
            config = commandLine.toConfig();
            InputCheck.requireValidPathPattern(config.input.pathPattern);
        } catch (ConfigException e) {
            err.println("corpus-stats: " + e.getMessage());
            return USAGE;
        }
        try {
            InputCheck.requireLocalInputExists(config.input.path);
        } catch (InputMissingException e) {
            err.println("corpus-stats: " + e.getMessage() + FailedRun.record(config, e));
            return INPUT_MISSING;
        }
        OutputClaim claim;
        try {
            claim = OutputClaim.check(config, SparkSessions.hadoopConfigurationWithoutSession()).lock();
        } catch (OutputRefusedException e) {
            err.println("corpus-stats: " + e.getMessage());
            return USAGE;
        } catch (OutputLockedException e) {
            err.println("corpus-stats: " + e.getMessage());
            return OUTPUT_LOCKED;
        } catch (UncheckedIOException e) { // e.g. an output root it may not read
            e.printStackTrace(err);
            err.println("corpus-stats: job failed: " + e);
            return FAILED;
        }
        try (claim) {
            return run(config, claim, out, err);
        }
    }

    /** The run itself, on an output claimed and locked: Spark starts here. */
    private static int run(JobConfig config, OutputClaim claim, PrintStream out, PrintStream err) {
        if (SparkSessions.isLocalMaster()) {
            EntityEngines.preloadInBackground(config.entities);
        }
        SparkSession spark = SparkSessions.getOrCreate();
        CorpusStatsPipeline pipeline = new CorpusStatsPipeline(spark, config);
        // The JVM exiting under the run (Spark exits it on a fatal error in a task; a signal) ends it
        // as a failed run: exit 1 and a failed manifest, not Spark's exit code.
        Runnable onLostJvm = () -> {
            if (!pipeline.published()) {
                pipeline.recordLostRun("the JVM exited before the run ended (a fatal error in a task, or a signal)");
                try {
                    claim.close(); // a lock file on a remote filesystem would outlive the process
                } catch (RuntimeException ignored) {
                    // the lock names this process; the next run can take it over
                }
                err.println("corpus-stats: job failed: the JVM exited before the run ended (manifest: "
                        + pipeline.failedManifestPath() + ")");
                err.flush();
                Runtime.getRuntime().halt(FAILED);
            }
        };
        // After Spark's own shutdown hooks (its temporary folders), before Hadoop closes its filesystems.
        ShutdownHookManager.get().addShutdownHook(onLostJvm, LOST_JVM_HOOK_PRIORITY);
        try {
            Manifest manifest = pipeline.run(claim);
            out.println(Summary.of(manifest, manifest.publishedTo));
            return OK;
        } catch (OutputRefusedException e) { // an entry in the way appeared while the run worked
            err.println("corpus-stats: " + e.getMessage() + " (manifest: " + pipeline.failedManifestPath() + ")");
            return USAGE;
        } catch (InputMissingException e) {
            err.println("corpus-stats: " + e.getMessage() + " (manifest: " + pipeline.failedManifestPath() + ")");
            return INPUT_MISSING;
        } catch (Exception e) { // includes SparkException, which Scala code throws undeclared
            e.printStackTrace(err);
            err.println("corpus-stats: job failed: " + e + " (manifest: " + pipeline.failedManifestPath() + ")");
            return FAILED;
        } finally {
            spark.stop();
            try {
                ShutdownHookManager.get().removeShutdownHook(onLostJvm);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it sees the run ended
            }
        }
    }
}
