package dev.corpusstats.stats;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link BurstsTable}: Kleinberg's two-state automaton over each trends key's documents per period,
 * every period a batch (those without a row of the key, and those without documents, too).
 */
class BurstsTableTest {
    private static final StructType DOCUMENT_PERIODS = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("token_count", DataTypes.IntegerType, false);

    /** {@code documents[i]} dated documents in the i-th week from 2026-W07 (0 for a gap). */
    private static PeriodCounts weeks(int... documents) {
        List<Row> rows = new ArrayList<>();
        String label = "2026-W07";
        for (int i = 0; i < documents.length; i++) {
            for (int d = 0; d < documents[i]; d++) {
                rows.add(row(label + "-" + d, label, 1));
            }
            label = TimePeriod.WEEK.next(label);
        }
        return PeriodCounts.of(frame(DOCUMENT_PERIODS, rows.toArray(Row[]::new)), TimePeriod.WEEK);
    }

    private static JobConfig.Bursts settings(double s, double gamma) {
        JobConfig.Bursts settings = new JobConfig.Bursts();
        settings.s = s;
        settings.gamma = gamma;
        return settings;
    }

    /** σ(0, t) − σ(1, t) of a batch of d documents, r relevant: the binomial coefficient cancels. */
    private static double gain(long r, long d, double p0, double p1) {
        return r * Math.log(p1 / p0) + (d - r) * Math.log((1 - p1) / (1 - p0));
    }

    /**
     * Weeks W07..W10 with 10, 10, 0 and 10 documents (n = 4; entering costs ln 4 = 2 ln 2).
     * talk: r = 1, 8, 0, 1, so p₀ = 10/30, p₁ = 20/30, and the gains are −8 ln 2, 6 ln 2, 0, −8 ln 2:
     * only W08 is worth the entry. The empty W09 costs nothing in either state; of equal costs the
     * base state wins, so the burst does not reach into it.
     */
    @Test
    void aBurstIsTheRunOfPeriodsWorthEnteringTheBurstState() {
        PeriodCounts periods = weeks(10, 10, 0, 10);
        Dataset<Row> termTrends = frame(Table.TERM_TRENDS.schema(),
                row("2026-W07", "talk", 1, 1L, 1L, 0.1), row("2026-W08", "talk", 1, 9L, 8L, 0.8),
                row("2026-W10", "talk", 1, 1L, 1L, 0.1),
                // r = 2, 2, 0, 2: a flat series, no burst.
                row("2026-W07", "kabul", 1, 2L, 2L, 0.2), row("2026-W08", "kabul", 1, 2L, 2L, 0.2),
                row("2026-W10", "kabul", 1, 2L, 2L, 0.2));
        Dataset<Row> entityTrends = frame(Table.ENTITY_TRENDS.schema());
        Dataset<Row> table = BurstsTable.from(termTrends, entityTrends, periods, settings(2, 1));
        assertColumns(Table.BURSTS, table);
        assertEquals(6 * Math.log(2), gain(8, 10, 1.0 / 3, 2.0 / 3), 1e-12, "8 ln 2 − 2 ln 2");
        assertRows(List.of(row("term", "talk", "2026-W08", "2026-W08", 6 * Math.log(2), 8L)), sorted(Table.BURSTS, table));
    }

    /**
     * Four weeks of 10 documents, entity r = 1, 8, 8, 1: p₀ = 18/40, p₁ = 0.9. Each 8-week gains
     * 8 ln 2 + 2 ln(0.1 / 0.55) ≈ 2.14, together more than the entry ln 4; each 1-week loses.
     */
    @Test
    void aBurstSpansConsecutivePeriodsAndKindNamesTheTrendsTable() {
        PeriodCounts periods = weeks(10, 10, 10, 10);
        Dataset<Row> entityTrends = frame(Table.ENTITY_TRENDS.schema(),
                row("2026-W07", "PER:karzai", 1L, 1L, 0.1), row("2026-W08", "PER:karzai", 9L, 8L, 0.8),
                row("2026-W09", "PER:karzai", 12L, 8L, 0.8), row("2026-W10", "PER:karzai", 1L, 1L, 0.1));
        Dataset<Row> table = BurstsTable.from(frame(Table.TERM_TRENDS.schema()), entityTrends, periods, settings(2, 1));
        double weight = 2 * gain(8, 10, 0.45, 0.9);
        assertRows(List.of(row("entity", "PER:karzai", "2026-W08", "2026-W09", weight, 16L)), sorted(Table.BURSTS, table));
        // γ = 2: entering costs 2 ln 4 ≈ 2.77, still less than the weight ≈ 4.27; γ = 4 (≈ 5.55) is too dear.
        assertRows(List.of(row("entity", "PER:karzai", "2026-W08", "2026-W09", weight, 16L)),
                sorted(Table.BURSTS, BurstsTable.from(frame(Table.TERM_TRENDS.schema()), entityTrends, periods, settings(2, 2))));
        assertRows(List.of(), BurstsTable.from(frame(Table.TERM_TRENDS.schema()), entityTrends, periods, settings(2, 4)).collectAsList());
    }
}
