package dev.corpusstats.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;

/** The {@code rejects} table ({@link dev.corpusstats.output.Table#REJECTS}): every input file or record that did not become a document, and why. */
public final class RejectsTable {
    private RejectsTable() {
    }

    public static Dataset<Row> from(Dataset<Row> rejectedRecords) {
        return rejectedRecords.select(col("source"), col("doc_id"), col("reject_reason").as("reason"),
                col("reject_detail").as("detail"));
    }
}
