package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.TimePeriod;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PeriodsTable} (with {@link DocumentPeriods} and {@link PeriodCounts}): every period from the
 * first dated corpus document's to the last one's, empty ones as zeros; undated documents and
 * duplicates are in none.
 */
class PeriodsTableTest {
    /** The table as {@link CorpusTables} builds it: from the corpus documents, duplicates counted once. */
    static Dataset<Row> periods(Dataset<Row> analyzed, TimePeriod period) {
        Dataset<Row> corpus = DocTermCounts.corpusDocuments(analyzed, true);
        return PeriodsTable.from(TestSpark.session(), PeriodCounts.of(DocumentPeriods.of(corpus, period), period));
    }

    private static Dataset<Row> february() {
        return analyzed(
                doc("d1").publishedAt("2026-02-10T09:00:00Z").counts(1, 4),
                doc("d2").publishedAt("2026-02-15T23:59:59Z").counts(2, 6), // Sunday: still the week of the 9th
                doc("d3").duplicateOf("d2").publishedAt("2026-02-15T23:59:59Z").counts(2, 6),
                doc("d4").undated("unparseable", "last Tuesday").counts(1, 100),
                doc("d5").publishedAt("2026-02-24T18:30:00Z").counts(1, 5));
    }

    @Test
    void weeksWithoutDocumentsAreRowsOfZeros() {
        Dataset<Row> table = periods(february(), TimePeriod.WEEK);
        assertColumns(Table.PERIODS, table);
        // d3 is d2's duplicate and d4 is undated: neither is in a period.
        assertRows(List.of(
                        row("2026-W07", Date.valueOf("2026-02-09"), 2L, 10L),
                        row("2026-W08", Date.valueOf("2026-02-16"), 0L, 0L),
                        row("2026-W09", Date.valueOf("2026-02-23"), 1L, 5L)),
                sorted(Table.PERIODS, table));
    }

    @Test
    void daysAndMonthsHaveTheirOwnGaps() {
        assertRows(List.of(
                        row("2026-02-10", Date.valueOf("2026-02-10"), 1L, 4L),
                        row("2026-02-11", Date.valueOf("2026-02-11"), 0L, 0L),
                        row("2026-02-12", Date.valueOf("2026-02-12"), 0L, 0L),
                        row("2026-02-13", Date.valueOf("2026-02-13"), 0L, 0L),
                        row("2026-02-14", Date.valueOf("2026-02-14"), 0L, 0L),
                        row("2026-02-15", Date.valueOf("2026-02-15"), 1L, 6L)),
                sorted(Table.PERIODS, periods(analyzed(
                        doc("d1").publishedAt("2026-02-10T09:00:00Z").counts(1, 4),
                        doc("d2").publishedAt("2026-02-15T23:59:59Z").counts(2, 6)), TimePeriod.DAY)));
        assertRows(List.of(
                        row("2026-01", Date.valueOf("2026-01-01"), 1L, 3L),
                        row("2026-02", Date.valueOf("2026-02-01"), 0L, 0L),
                        row("2026-03", Date.valueOf("2026-03-01"), 2L, 9L)),
                sorted(Table.PERIODS, periods(analyzed(
                        doc("d1").publishedAt("2026-01-31T23:00:00Z").counts(1, 3),
                        doc("d2").publishedAt("2026-03-01T00:00:00Z").counts(1, 4),
                        doc("d3").publishedAt("2026-03-31T12:00:00Z").counts(1, 5)), TimePeriod.MONTH)));
    }

    @Test
    void isoWeeksCrossYearsInTheirWeekBasedYear() {
        // 2025-12-30 is in 2026-W01 (from Monday 2025-12-29); 2026 has 53 weeks, the last holding 2027-01-01.
        List<Row> weeks = sorted(Table.PERIODS, periods(analyzed(
                doc("d1").publishedAt("2025-12-30T10:00:00Z").counts(1, 1),
                doc("d2").publishedAt("2027-01-01T10:00:00Z").counts(1, 2),
                doc("d3").publishedAt("2027-01-04T10:00:00Z").counts(1, 3)), TimePeriod.WEEK));
        assertEquals(54, weeks.size(), "2026-W01..W53 and 2027-W01");
        assertRows(List.of(
                        row("2026-W01", Date.valueOf("2025-12-29"), 1L, 1L),
                        row("2026-W02", Date.valueOf("2026-01-05"), 0L, 0L),
                        row("2026-W52", Date.valueOf("2026-12-21"), 0L, 0L),
                        row("2026-W53", Date.valueOf("2026-12-28"), 1L, 2L),
                        row("2027-W01", Date.valueOf("2027-01-04"), 1L, 3L)),
                List.of(weeks.get(0), weeks.get(1), weeks.get(51), weeks.get(52), weeks.get(53)));
    }

    @Test
    void periodsAreUtcWhateverSparksTimeZone() {
        RuntimeConfig conf = TestSpark.session().conf();
        String zone = conf.get("spark.sql.session.timeZone");
        conf.set("spark.sql.session.timeZone", "Asia/Tokyo"); // where 2026-02-15T23:59:59Z is already Monday
        try {
            assertRows(List.of(row("2026-W07", Date.valueOf("2026-02-09"), 2L, 10L)),
                    sorted(Table.PERIODS, periods(analyzed(
                            doc("d1").publishedAt("2026-02-10T09:00:00Z").counts(1, 4),
                            doc("d2").publishedAt("2026-02-15T23:59:59Z").counts(2, 6)), TimePeriod.WEEK)));
        } finally {
            conf.set("spark.sql.session.timeZone", zone);
        }
    }

    @Test
    void noDatedDocumentMeansNoPeriods() {
        assertRows(List.of(), periods(analyzed(doc("d1").undated("missing", null), doc("d2")), TimePeriod.WEEK).collectAsList());
    }
}
