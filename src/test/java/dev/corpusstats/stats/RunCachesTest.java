package dev.corpusstats.stats;

import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunCachesTest {
    private final SparkSession spark = TestSpark.session();

    @Test
    void unpersistsWhatWasCachedAndWhatIsCachedAfterTheRunEnded() {
        RunCaches caches = new RunCaches();
        Dataset<Row> during = caches.persist(spark.range(5).toDF(), StorageLevel.MEMORY_ONLY());
        assertEquals(StorageLevel.MEMORY_ONLY(), during.storageLevel());
        caches.unpersistAll(true);
        assertEquals(StorageLevel.NONE(), during.storageLevel());
        Dataset<Row> late = caches.persist(spark.range(7).toDF(), StorageLevel.MEMORY_ONLY());
        assertEquals(StorageLevel.NONE(), late.storageLevel(), "cached after the run ended: released at once");
        assertEquals(7, late.count());
    }

    @Test
    void afterAFailureTheReleaseIsNotWaitedFor() {
        RunCaches caches = new RunCaches();
        Dataset<Row> cached = caches.persist(spark.range(5).toDF(), StorageLevel.DISK_ONLY());
        assertEquals(5, cached.count());
        caches.unpersistAll(false);
        assertEquals(StorageLevel.NONE(), cached.storageLevel());
    }
}
