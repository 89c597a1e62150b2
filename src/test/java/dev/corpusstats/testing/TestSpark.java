package dev.corpusstats.testing;

import dev.corpusstats.job.SparkSessions;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: local[2], few shuffle partitions, no UI, loopback only.
 * Stopped by a shutdown hook when the JVM exits.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("corpus-stats-tests")
                    .set("spark.sql.shuffle.partitions", "2")
                    .set("spark.default.parallelism", "2")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.sql.adaptive.enabled", "true");
            SparkSessions.applyOutputDefaults(conf);
            session = SparkSession.builder().config(conf).getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
