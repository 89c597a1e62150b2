package dev.corpusstats.stats;

import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The corpus's dated documents and tokens per period, every period from the first dated document's
 * to the last one's, those without documents included. Small (one entry per period), so it is
 * gathered on the driver: {@code periods} is written from it, and the burst automaton reads its
 * document counts as each period's batch size.
 */
final class PeriodCounts implements Serializable {
    private final TimePeriod period;
    private final List<String> labels;
    private final long[] documents;
    private final long[] tokens;
    private final Map<String, Integer> index = new HashMap<>();

    private PeriodCounts(TimePeriod period, List<String> labels, long[] documents, long[] tokens) {
        this.period = period;
        this.labels = labels;
        this.documents = documents;
        this.tokens = tokens;
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
    }

    /** @param documentPeriods {@link DocumentPeriods#of} the corpus documents */
    static PeriodCounts of(Dataset<Row> documentPeriods, TimePeriod period) {
        List<Row> rows = documentPeriods.groupBy(col(DocumentPeriods.PERIOD))
                .agg(count(lit(1)), coalesce(sum("token_count"), lit(0L)))
                .orderBy(col(DocumentPeriods.PERIOD)).collectAsList();
        if (rows.isEmpty()) {
            return new PeriodCounts(period, List.of(), new long[0], new long[0]);
        }
        List<String> labels = period.labelsFrom(rows.get(0).getString(0), rows.get(rows.size() - 1).getString(0));
        PeriodCounts counts = new PeriodCounts(period, List.copyOf(labels), new long[labels.size()], new long[labels.size()]);
        for (Row row : rows) {
            int i = counts.index(row.getString(0));
            counts.documents[i] = row.getLong(1);
            counts.tokens[i] = row.getLong(2);
        }
        return counts;
    }

    TimePeriod period() {
        return period;
    }

    List<String> labels() {
        return labels;
    }

    int size() {
        return labels.size();
    }

    /** The period's position in {@link #labels}. */
    int index(String label) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalArgumentException("no period " + label);
        }
        return i;
    }

    long documents(int i) {
        return documents[i];
    }

    long tokens(int i) {
        return tokens[i];
    }

    /** Dated documents per period, in order: the automaton's batch sizes. */
    long[] documents() {
        return documents.clone();
    }
}
