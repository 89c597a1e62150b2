package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link FacetTermsTable}: per facet value (period included), the unigrams and bigrams
 * over-represented in its corpus documents, scored by G² and ranked.
 */
class FacetTermsTableTest {
    /**
     * Unigrams 4 + 3 + 3 + 2 = N = 12, and so are the bigrams (hand-made so that a unigram and a
     * bigram can tie). world (d1, d2) has 7 of each, sport (d3, d4) 5; d4 is undated, so the
     * period values are 2026-W07 (d1, d2) and 2026-W08 (d3). d5 is d1's copy, the only document of
     * section culture, and counts nowhere. Every document is lang en.
     */
    static Dataset<Row> corpus() {
        return analyzed(
                doc("d1").publishedAt("2026-02-10T09:00:00Z").facet("section", "world").facet("lang", "en")
                        .term("peace", 1, 3, 0.75).term("talk", 1, 1, 0.25).term("peace talk", 2, 4, 1.0)
                        .term("peace talk resume", 3, 5, 1.0),
                doc("d2").publishedAt("2026-02-12T09:00:00Z").facet("section", "world").facet("lang", "en")
                        .term("peace", 1, 2, 2.0 / 3).term("kabul", 1, 1, 1.0 / 3).term("kabul peace", 2, 1, 1.0 / 3)
                        .term("peace peace", 2, 2, 2.0 / 3),
                doc("d3").publishedAt("2026-02-17T09:00:00Z").facet("section", "sport").facet("lang", "en")
                        .term("goal", 1, 2, 2.0 / 3).term("peace", 1, 1, 1.0 / 3).term("goal goal", 2, 3, 1.0),
                doc("d4").undated("missing", null).facet("section", "sport").facet("lang", "en")
                        .term("goal", 1, 1, 0.5).term("match", 1, 1, 0.5).term("goal match", 2, 2, 1.0),
                doc("d5").duplicateOf("d1").publishedAt("2026-02-10T09:00:00Z").facet("section", "culture").facet("lang", "en")
                        .term("peace", 1, 3, 0.75).term("talk", 1, 1, 0.25).term("peace talk", 2, 4, 1.0)
                        .term("peace talk resume", 3, 5, 1.0));
    }

    /** The table as {@link CorpusTables} builds it, duplicates counted once. */
    static Dataset<Row> facetTerms(Dataset<Row> analyzed, int minDocCount, int topK) {
        Dataset<Row> corpus = DocTermCounts.corpusDocuments(analyzed, true);
        Dataset<Row> docTermCounts = DocTermCounts.from(corpus);
        return FacetTermsTable.from(docTermCounts, corpus, DocFacetsTable.from(analyzed, TimePeriod.WEEK),
                TermsTable.from(docTermCounts, corpus.count()), minDocCount, topK);
    }

    /** G² = 2 Σ k ln(k N / (row · col)) of the 2×2 table, 0 ln 0 = 0. */
    static double g2(long k11, long k12, long k21, long k22) {
        long[][] k = {{k11, k12}, {k21, k22}};
        long n = k11 + k12 + k21 + k22;
        long[] rows = {k11 + k12, k21 + k22};
        long[] cols = {k11 + k21, k12 + k22};
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                if (k[i][j] > 0) {
                    sum += k[i][j] * Math.log((double) k[i][j] * n / ((double) rows[i] * cols[j]));
                }
            }
        }
        return 2 * sum;
    }

    /** G² of a term counted c12 times in a value of c2 occurrences, c1 in the corpus of N. */
    private static double llr(long c12, long c1, long c2, long n) {
        double byHand = g2(c12, c1 - c12, c2 - c12, n - c1 - c2 + c12);
        assertEquals(byHand, Formulas.logLikelihoodRatio(c12, c1, c2, n), 1e-12, "the documented G²");
        return byHand;
    }

    private static List<Row> world(String facet, String value) {
        return List.of(
                row(facet, value, "peace talk", 2, 4L, 1L, llr(4, 4, 7, 12), 1),   // ≈ 5.72
                row(facet, value, "peace", 1, 5L, 2L, llr(5, 6, 7, 12), 2),        // ≈ 3.26
                row(facet, value, "peace peace", 2, 2L, 1L, llr(2, 2, 7, 12), 3),  // ≈ 2.44
                // three ties at ≈ 1.14: the unigrams first, then by term
                row(facet, value, "kabul", 1, 1L, 1L, llr(1, 1, 7, 12), 4),
                row(facet, value, "talk", 1, 1L, 1L, llr(1, 1, 7, 12), 5),
                row(facet, value, "kabul peace", 2, 1L, 1L, llr(1, 1, 7, 12), 6));
    }

    @Test
    void scoresTheOverRepresentedTermsOfEveryValueWithGSquared() {
        Dataset<Row> table = facetTerms(corpus(), 1, 25);
        assertColumns(Table.FACET_TERMS, table);
        List<Row> expected = new ArrayList<>(world("period", "2026-W07")); // the same documents as world
        // 2026-W08 is d3 alone (3 of each n). peace (1 of 3 here, 5 of 9 elsewhere) is under-represented.
        expected.add(row("period", "2026-W08", "goal goal", 2, 3L, 1L, llr(3, 3, 3, 12), 1));
        expected.add(row("period", "2026-W08", "goal", 1, 2L, 1L, llr(2, 3, 3, 12), 2));
        // sport: goal and goal goal tie (3 of 5, 3 in all), the unigram first; peace (1 of 5 against 5 of 7) is out.
        expected.add(row("section", "sport", "goal", 1, 3L, 2L, llr(3, 3, 5, 12), 1));
        expected.add(row("section", "sport", "goal goal", 2, 3L, 1L, llr(3, 3, 5, 12), 2));
        expected.add(row("section", "sport", "goal match", 2, 2L, 1L, llr(2, 2, 5, 12), 3));
        expected.add(row("section", "sport", "match", 1, 1L, 1L, llr(1, 1, 5, 12), 4));
        expected.addAll(world("section", "world"));
        // No lang rows (its one value is the whole corpus), none for culture (only a duplicate), no trigram.
        assertRows(expected, sorted(Table.FACET_TERMS, table));
    }

    @Test
    void minDocCountCountsTheValuesDocuments() {
        assertRows(List.of(
                        row("period", "2026-W07", "peace", 1, 5L, 2L, llr(5, 6, 7, 12), 1),
                        row("section", "sport", "goal", 1, 3L, 2L, llr(3, 3, 5, 12), 1),
                        row("section", "world", "peace", 1, 5L, 2L, llr(5, 6, 7, 12), 1)),
                sorted(Table.FACET_TERMS, facetTerms(corpus(), 2, 25)));
    }

    @Test
    void topKKeepsTheFirstRanksAfterTheTieBreak() {
        assertRows(List.of(
                        row("period", "2026-W07", "peace talk", 2, 4L, 1L, llr(4, 4, 7, 12), 1),
                        row("period", "2026-W07", "peace", 1, 5L, 2L, llr(5, 6, 7, 12), 2),
                        row("period", "2026-W08", "goal goal", 2, 3L, 1L, llr(3, 3, 3, 12), 1),
                        row("period", "2026-W08", "goal", 1, 2L, 1L, llr(2, 3, 3, 12), 2),
                        row("section", "sport", "goal", 1, 3L, 2L, llr(3, 3, 5, 12), 1),
                        row("section", "sport", "goal goal", 2, 3L, 1L, llr(3, 3, 5, 12), 2),
                        row("section", "world", "peace talk", 2, 4L, 1L, llr(4, 4, 7, 12), 1),
                        row("section", "world", "peace", 1, 5L, 2L, llr(5, 6, 7, 12), 2)),
                sorted(Table.FACET_TERMS, facetTerms(corpus(), 1, 2)));
    }
}
