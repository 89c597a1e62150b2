package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The {@code rejects} table: every input file or record that did not become a document, and why. */
final class RejectsTable {
    private RejectsTable() {
    }

    /** @param rejectedRecords reader rows ({@code ingest.ReadCorpus.SCHEMA}) with a reject reason */
    static Dataset<Row> from(Dataset<Row> rejectedRecords) {
        return Table.REJECTS.select(rejectedRecords.withColumnRenamed("reject_reason", "reason")
                .withColumnRenamed("reject_detail", "detail"));
    }
}
