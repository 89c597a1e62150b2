package dev.corpusstats.job;

import dev.corpusstats.config.CommandLine;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.ingest.InputMissingException;
import dev.corpusstats.output.Manifest;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Entry point for {@code spark-submit} and jobs/run-local.sh: parses options, runs the pipeline,
 * exits with 0 (success), 2 (configuration, usage or missing input: one line on stderr) or 1 (the
 * job failed).
 */
public final class CorpusStatsJob {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

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
            InputCheck.requireLocalInputExists(config.input.path);
        } catch (ConfigException | InputMissingException e) {
            err.println("corpus-stats: " + e.getMessage());
            return USAGE;
        }
        SparkSession spark = SparkSessions.getOrCreate();
        try {
            Manifest manifest = new CorpusStatsPipeline(spark, config).run();
            out.println(Summary.of(manifest, config.output.path));
            return OK;
        } catch (InputMissingException e) {
            err.println("corpus-stats: " + e.getMessage());
            return USAGE;
        } catch (Exception e) { // includes SparkException, which Scala code throws undeclared
            err.println("corpus-stats: job failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        } finally {
            spark.stop();
        }
    }
}
