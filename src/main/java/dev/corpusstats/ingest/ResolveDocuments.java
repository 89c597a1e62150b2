package dev.corpusstats.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/**
 * The resolve step: source records become accepted documents and rejects.
 * <ul>
 *   <li>doc_id collisions: the record with the smallest source keeps the id; every other one is
 *       rejected as {@code duplicate_doc_id}, naming the source that kept it (never merged);</li>
 *   <li>identical content: every accepted document gets {@code duplicate_of}, null for the first
 *       doc_id (in sort order) with that content hash and that doc_id for the others.</li>
 * </ul>
 */
public final class ResolveDocuments {
    private ResolveDocuments() {
    }

    /** Accepted documents (reader columns plus duplicate_of) and all rejects (reader schema). */
    public record Result(Dataset<Row> documents, Dataset<Row> rejects) {
    }

    /** Most repeated doc_ids or texts gathered and broadcast to every task (each row is a key and a path or id). */
    static final int BROADCAST_MAX_ROWS = 200_000;

    public static Result apply(Dataset<Row> records) {
        Column isReject = col("reject_reason").isNotNull();
        Dataset<Row> documents = records.filter(not(isReject));
        // Only the doc_ids and texts that occur more than once are joined back, broadcast when they
        // are few (the usual case): the rows, which carry every text, are then neither shuffled nor
        // sorted here.
        Dataset<Row> owners = documents.groupBy(col("doc_id").as("_id"))
                .agg(min("source").as("_id_owner"), count(lit(1)).as("_id_uses"))
                .filter(col("_id_uses").gt(1)).drop("_id_uses");
        Dataset<Row> withOwner = documents.join(small(owners), col("doc_id").equalTo(col("_id")), "left").drop("_id");
        Column collision = col("_id_owner").isNotNull().and(col("source").notEqual(col("_id_owner")));
        Dataset<Row> collisions = withOwner.filter(collision)
                .withColumn("reject_reason", lit(RejectReason.DUPLICATE_DOC_ID.code()))
                .withColumn("reject_detail", concat(lit("doc_id already taken by "), col("_id_owner")))
                .drop("_id_owner");
        Dataset<Row> kept = withOwner.filter(not(collision)).drop("_id_owner");
        Dataset<Row> firsts = kept.groupBy(col("content_sha256").as("_sha"))
                .agg(min("doc_id").as("_first_with_content"), count(lit(1)).as("_copies"))
                .filter(col("_copies").gt(1)).drop("_copies");
        Dataset<Row> accepted = kept.join(small(firsts), col("content_sha256").equalTo(col("_sha")), "left").drop("_sha")
                .withColumn("duplicate_of", when(col("_first_with_content").notEqual(col("doc_id")), col("_first_with_content")))
                .drop("_first_with_content");
        Dataset<Row> rejects = records.filter(isReject).unionByName(collisions);
        return new Result(accepted, rejects);
    }

    /** The repeated keys, gathered and broadcast when they are few enough, else joined as they are. */
    private static Dataset<Row> small(Dataset<Row> repeated) {
        List<Row> rows = repeated.limit(BROADCAST_MAX_ROWS + 1).collectAsList();
        return rows.size() <= BROADCAST_MAX_ROWS
                ? broadcast(repeated.sparkSession().createDataFrame(rows, repeated.schema()))
                : repeated;
    }
}
