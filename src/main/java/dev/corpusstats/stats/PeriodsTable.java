package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code periods} table: every period from the first dated document's to the last one's (at
 * {@code trends.period}, UTC), with its dated corpus documents and their tokens; periods without
 * documents are rows with zeros, so that a time axis has no gaps.
 */
final class PeriodsTable {
    private PeriodsTable() {
    }

    static Dataset<Row> from(SparkSession spark, PeriodCounts counts) {
        List<Row> rows = new ArrayList<>(counts.size());
        for (int i = 0; i < counts.size(); i++) {
            String label = counts.labels().get(i);
            rows.add(RowFactory.create(label, Date.valueOf(counts.period().start(label)), counts.documents(i), counts.tokens(i)));
        }
        return spark.createDataFrame(rows, Table.PERIODS.schema());
    }
}
