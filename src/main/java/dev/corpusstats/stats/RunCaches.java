package dev.corpusstats.stats;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The datasets a run caches, unpersisted together when it ends. Table writes cache shared data from
 * their own threads; after a failure, one still running past the pipeline's wait may cache after
 * the run has ended: that dataset is unpersisted at once instead of staying cached in Spark.
 */
public final class RunCaches {
    private final List<Dataset<?>> persisted = new ArrayList<>();
    private boolean ended;

    /** Cached in memory, spilling to local disk when memory is short. */
    public Dataset<Row> persist(Dataset<Row> data) {
        return persist(data, StorageLevel.MEMORY_AND_DISK());
    }

    public synchronized Dataset<Row> persist(Dataset<Row> data, StorageLevel level) {
        Dataset<Row> cached = data.persist(level);
        if (ended) {
            cached.unpersist();
        } else {
            persisted.add(cached);
        }
        return cached;
    }

    /**
     * Unpersists everything cached so far, and anything cached later as soon as it is.
     *
     * @param waitForRemoval wait until the cached blocks are deleted: a SparkSession stopped while Spark
     *                       still deletes them in the background deletes their folder first, and Spark
     *                       then logs each block it can no longer find. After a failure, tasks being
     *                       cancelled may still hold blocks, so there the release is not waited for.
     */
    public synchronized void unpersistAll(boolean waitForRemoval) {
        ended = true;
        persisted.forEach(cached -> cached.unpersist(waitForRemoval));
        persisted.clear();
    }
}
