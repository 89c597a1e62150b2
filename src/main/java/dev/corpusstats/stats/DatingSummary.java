package dev.corpusstats.stats;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The manifest's {@code input.dates}: how many documents (of {@code documents}) are dated, how many
 * are not and why ({@code missing}, {@code unparseable}, {@code out_of_range}; {@code no_date_field}
 * when the input names no date), and the first few of each reason by source, with the value read.
 */
public final class DatingSummary {
    static final int EXAMPLES = 3;
    static final String DATED = "dated";
    static final String NO_DATE_FIELD = "no_date_field";

    private DatingSummary() {
    }

    /** @param analyzed {@link AnalyzeDocuments} rows, duplicates included */
    public static Map<String, Object> of(Dataset<Row> analyzed) {
        Column status = when(col("published_at").isNotNull(), lit(DATED))
                .otherwise(coalesce(col("date_issue"), lit(NO_DATE_FIELD)));
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> examples = new LinkedHashMap<>();
        for (Row row : analyzed.groupBy(status.as("status")).agg(count(lit(1))).orderBy("status").collectAsList()) {
            String reason = row.getString(0);
            summary.put(reason, row.getLong(1));
            if (!reason.equals(DATED) && !reason.equals(NO_DATE_FIELD)) {
                List<Map<String, String>> shown = new ArrayList<>();
                for (Row example : analyzed.filter(col("date_issue").equalTo(reason)).select("source", "date_value")
                        .orderBy("source").limit(EXAMPLES).collectAsList()) {
                    Map<String, String> e = new LinkedHashMap<>();
                    e.put("source", example.getString(0));
                    e.put("value", example.getString(1));
                    shown.add(e);
                }
                examples.put(reason, shown);
            }
        }
        summary.putIfAbsent(DATED, 0L);
        if (!examples.isEmpty()) {
            summary.put("examples", examples);
        }
        return summary;
    }
}
