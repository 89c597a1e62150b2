package dev.corpusstats.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job's SparkSession. Under spark-submit, master and settings come from spark-submit; run
 * directly (jobs/run-local.sh, tests), Spark is embedded with {@code local[*]}. Settings the output
 * format depends on are set here unless the user set them.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession getOrCreate() {
        SparkConf conf = new SparkConf(); // picks up spark.* system properties and spark-submit's settings
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", "corpus-stats");
        applyOutputDefaults(conf);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * Whether the session this JVM creates runs in local mode (its driver JVM runs the tasks): no
     * master given (run-local.sh, tests) or a {@code local[...]} one from spark-submit.
     */
    public static boolean isLocalMaster() {
        String master = new SparkConf().get("spark.master", "local[*]");
        return master.startsWith("local");
    }

    /** Parquet that pandas, DuckDB and Spark all read with the expected types. */
    public static void applyOutputDefaults(SparkConf conf) {
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    }
}
