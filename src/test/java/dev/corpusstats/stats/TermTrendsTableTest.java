package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.TimePeriod;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/**
 * {@link TermTrendsTable}: unigrams and bigrams in at least min_doc_count corpus documents, counted
 * per period over the dated ones only, with doc_share against periods.documents.
 */
class TermTrendsTableTest {
    /** The table as {@link CorpusTables} builds it, duplicates counted once. */
    static Dataset<Row> termTrends(Dataset<Row> analyzed, TimePeriod period, int minDocCount) {
        Dataset<Row> corpus = DocTermCounts.corpusDocuments(analyzed, true);
        Dataset<Row> docTermCounts = DocTermCounts.from(corpus);
        Dataset<Row> documentPeriods = DocumentPeriods.of(corpus, period);
        Dataset<Row> periods = PeriodsTable.from(TestSpark.session(), PeriodCounts.of(documentPeriods, period));
        return TermTrendsTable.from(docTermCounts, TermsTable.from(docTermCounts, corpus.count()), documentPeriods, periods,
                minDocCount);
    }

    /**
     * Weeks W07 (d1, d2; d3 is d2's copy), W08 (none) and W09 (d4); d5 is undated. Corpus document
     * counts: peace 4, talk 3, peace talk 3, kabul 2, the trigram 2.
     */
    static Dataset<Row> corpus() {
        return analyzed(
                doc("d1").publishedAt("2026-02-10T09:00:00Z").term("peace", 1, 2, 2.0 / 3).term("talk", 1, 1, 1.0 / 3)
                        .term("peace talk", 2, 1, 1.0).term("peace talk resume", 3, 1, 1.0),
                doc("d2").publishedAt("2026-02-11T09:00:00Z").term("peace", 1, 1, 0.5).term("kabul", 1, 1, 0.5),
                doc("d3").duplicateOf("d2").publishedAt("2026-02-11T09:00:00Z").term("peace", 1, 1, 0.5).term("kabul", 1, 1, 0.5),
                doc("d4").publishedAt("2026-02-25T09:00:00Z").term("peace", 1, 1, 1.0 / 3).term("talk", 1, 2, 2.0 / 3)
                        .term("peace talk", 2, 1, 1.0),
                doc("d5").undated("missing", null).term("peace", 1, 3, 0.6).term("talk", 1, 1, 0.2).term("kabul", 1, 1, 0.2)
                        .term("peace talk", 2, 1, 1.0).term("peace talk resume", 3, 1, 1.0));
    }

    @Test
    void countsTheDatedDocumentsOfEachPeriodWhereTheTermOccurs() {
        Dataset<Row> table = termTrends(corpus(), TimePeriod.WEEK, 3);
        assertColumns(Table.TERM_TRENDS, table);
        // W07 has 2 documents, W09 has 1; W08 has none, so no row. d5's counts are in no period,
        // though it makes talk and peace talk frequent enough; kabul (2 documents) is not.
        assertRows(List.of(
                        row("2026-W07", "peace", 1, 3L, 2L, 1.0),
                        row("2026-W09", "peace", 1, 1L, 1L, 1.0),
                        row("2026-W07", "peace talk", 2, 1L, 1L, 0.5),
                        row("2026-W09", "peace talk", 2, 1L, 1L, 1.0),
                        row("2026-W07", "talk", 1, 1L, 1L, 0.5),
                        row("2026-W09", "talk", 1, 2L, 1L, 1.0)),
                sorted(Table.TERM_TRENDS, table));
    }

    @Test
    void minDocCountCountsCorpusDocumentsAndTrigramsHaveNoTrends() {
        List<Row> rows = sorted(Table.TERM_TRENDS, termTrends(corpus(), TimePeriod.WEEK, 2));
        // kabul is in 2 corpus documents (its copy d3 is not one); the trigram is too, but n = 3.
        assertRows(List.of(row("2026-W07", "kabul", 1, 1L, 1L, 0.5)), rows.stream().filter(r -> r.getString(1).equals("kabul")).toList());
        assertRows(List.of(), rows.stream().filter(r -> r.getInt(2) > 2).toList());
        assertRows(List.of(), termTrends(corpus(), TimePeriod.WEEK, 5).collectAsList());
    }

    @Test
    void everyCopyCountsWhenDuplicatesAreCounted() {
        Dataset<Row> corpus = DocTermCounts.corpusDocuments(corpus(), false);
        Dataset<Row> docTermCounts = DocTermCounts.from(corpus);
        Dataset<Row> documentPeriods = DocumentPeriods.of(corpus, TimePeriod.MONTH);
        Dataset<Row> periods = PeriodsTable.from(TestSpark.session(), PeriodCounts.of(documentPeriods, TimePeriod.MONTH));
        Dataset<Row> table = TermTrendsTable.from(docTermCounts, TermsTable.from(docTermCounts, corpus.count()), documentPeriods,
                periods, 3);
        // February: d1, d2, d3, d4. kabul is now in 3 documents (d2, d3, d5).
        assertRows(List.of(
                        row("2026-02", "kabul", 1, 2L, 2L, 0.5),
                        row("2026-02", "peace", 1, 5L, 4L, 1.0),
                        row("2026-02", "peace talk", 2, 2L, 2L, 0.5),
                        row("2026-02", "talk", 1, 3L, 2L, 0.5)),
                sorted(Table.TERM_TRENDS, table));
    }
}
