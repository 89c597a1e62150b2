package dev.corpusstats.stats;

import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.sql.Timestamp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Each dated document's time period, labelled by {@link TimePeriod} in UTC whatever Spark's SQL time
 * zone setting: {@code published_at} is an instant, and the label is computed from it in Java.
 */
final class DocumentPeriods {
    static final String PERIOD = "period";

    private DocumentPeriods() {
    }

    /** The period label of a {@code published_at} column; null for an undated document. */
    static Column label(Column publishedAt, TimePeriod period) {
        UserDefinedFunction label = udf((UDF1<Timestamp, String>) t -> t == null ? null : period.label(t.toInstant()),
                DataTypes.StringType).withName("period_" + period.code());
        return label.apply(publishedAt);
    }

    /** (doc_id, period, token_count) of the dated documents among {@code documents}. */
    static Dataset<Row> of(Dataset<Row> documents, TimePeriod period) {
        return documents.filter(col("published_at").isNotNull())
                .select(col("doc_id"), label(col("published_at"), period).as(PERIOD), col("token_count"));
    }
}
