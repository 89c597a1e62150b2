package dev.corpusstats.job;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

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

    /**
     * The Hadoop settings a session would get from its {@code spark.hadoop.*} properties (spark-submit's
     * or system properties), without starting one: for the manifest of a run that failed before its
     * session existed, which may go to a remote filesystem that needs them (credentials, endpoints).
     */
    public static Configuration hadoopConfigurationWithoutSession() {
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(setting._1(), setting._2());
        }
        return hadoop;
    }

    /** Parquet that pandas, DuckDB and Spark all read with the expected types. */
    public static void applyOutputDefaults(SparkConf conf) {
        conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
        conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    }
}
