package dev.corpusstats.job;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SparkSessionsTest {
    /** A failed run's manifest goes where the session's Hadoop settings would have sent it. */
    @Test
    void hadoopSettingsWithoutASessionComeFromSparkHadoopProperties() {
        String key = "spark.hadoop.fs.corpusstats-test.endpoint";
        System.setProperty(key, "http://127.0.0.1:9000");
        try {
            assertEquals("http://127.0.0.1:9000",
                    SparkSessions.hadoopConfigurationWithoutSession().get("fs.corpusstats-test.endpoint"));
        } finally {
            System.clearProperty(key);
        }
    }
}
