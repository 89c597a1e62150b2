package dev.corpusstats.ingest;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
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

    public static Result apply(Dataset<Row> records) {
        Column isReject = col("reject_reason").isNotNull();
        WindowSpec byId = Window.partitionBy("doc_id").orderBy("source");
        Dataset<Row> ranked = records.filter(not(isReject))
                .withColumn("_id_rank", row_number().over(byId))
                .withColumn("_id_owner", first("source").over(byId));
        Column collision = col("_id_rank").gt(1);
        Dataset<Row> collisions = ranked.filter(collision)
                .withColumn("reject_reason", lit(RejectReason.DUPLICATE_DOC_ID.code()))
                .withColumn("reject_detail", concat(lit("doc_id already taken by "), col("_id_owner")))
                .drop("_id_rank", "_id_owner");
        WindowSpec byContent = Window.partitionBy("content_sha256").orderBy("doc_id");
        Dataset<Row> accepted = ranked.filter(not(collision)).drop("_id_rank", "_id_owner")
                .withColumn("_first_with_content", first("doc_id").over(byContent))
                .withColumn("duplicate_of", when(col("_first_with_content").notEqual(col("doc_id")), col("_first_with_content")))
                .drop("_first_with_content");
        Dataset<Row> rejects = records.filter(isReject).unionByName(collisions);
        return new Result(accepted, rejects);
    }
}
