package dev.corpusstats.job;

import dev.corpusstats.config.CommandLine;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.ingest.InputMissingException;
import dev.corpusstats.nlp.EntityEngines;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.OutputLockedException;
import dev.corpusstats.output.OutputRefusedException;
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
        }
    }
}
