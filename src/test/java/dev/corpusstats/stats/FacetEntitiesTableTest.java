package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.stats.core.TimePeriod;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.corpusstats.stats.FacetTermsTableTest.g2;
import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link FacetEntitiesTable}: per facet value (period included), the entities over-represented in
 * its corpus documents' mentions, scored by G² and ranked.
 */
class FacetEntitiesTableTest {
    /**
     * Mentions 4 + 3 + 3 + 3 = N = 13: world (d1, d2) has 7, sport (d3, d4) 6; d4 is undated, so
     * the period values are 2026-W07 (d1, d2) and 2026-W08 (d3). d5 is d1's copy, the only
     * document of section culture. Every document is lang en.
     */
    static Dataset<Row> corpus() {
        return analyzed(
                doc("d1").publishedAt("2026-02-10T09:00:00Z").facet("section", "world").facet("lang", "en")
                        .entity("PER:karzai", "Karzai", "PER", 3, 0, 0.8).entity("LOC:kabul", "Kabul", "LOC", 1, 40, 0.2),
                doc("d2").publishedAt("2026-02-12T09:00:00Z").facet("section", "world").facet("lang", "en")
                        .entity("PER:karzai", "Karzai", "PER", 1, 0, 0.4).entity("ORG:taliban", "Taliban", "ORG", 2, 10, 0.6),
                doc("d3").publishedAt("2026-02-17T09:00:00Z").facet("section", "sport").facet("lang", "en")
                        .entity("PER:messi", "Messi", "PER", 2, 0, 0.7).entity("LOC:kabul", "Kabul", "LOC", 1, 30, 0.3),
                doc("d4").undated("unparseable", "tomorrow").facet("section", "sport").facet("lang", "en")
                        .entity("PER:messi", "Messi", "PER", 1, 0, 0.4).entity("ORG:fifa", "FIFA", "ORG", 1, 10, 0.3)
                        .entity("LOC:zurich", "Zurich", "LOC", 1, 20, 0.3),
                doc("d5").duplicateOf("d1").publishedAt("2026-02-10T09:00:00Z").facet("section", "culture").facet("lang", "en")
                        .entity("PER:karzai", "Karzai", "PER", 3, 0, 0.8).entity("LOC:kabul", "Kabul", "LOC", 1, 40, 0.2));
    }

    /** The table as {@link CorpusTables} builds it (no person links), duplicates counted once. */
    static Dataset<Row> facetEntities(Dataset<Row> analyzed, int minDocCount, int topK) {
        Dataset<Row> corpus = DocTermCounts.corpusDocuments(analyzed, true);
        return FacetEntitiesTable.from(DocEntitiesTable.from(corpus, frame(EntityLinksTest.LINKS)),
                DocFacetsTable.from(analyzed, TimePeriod.WEEK), minDocCount, topK);
    }

    /** G² of an entity mentioned c12 times in a value of c2 mentions, c1 in the corpus of N. */
    private static double llr(long c12, long c1, long c2, long n) {
        double byHand = g2(c12, c1 - c12, c2 - c12, n - c1 - c2 + c12);
        assertEquals(byHand, Formulas.logLikelihoodRatio(c12, c1, c2, n), 1e-12, "the documented G²");
        return byHand;
    }

    private static List<Row> world(String facet, String value) {
        // kabul, 1 of 7 mentions here against 1 of 6 elsewhere, is under-represented.
        return List.of(
                row(facet, value, "PER:karzai", 4L, 2L, llr(4, 4, 7, 13), 1),
                row(facet, value, "ORG:taliban", 2L, 1L, llr(2, 2, 7, 13), 2));
    }

    @Test
    void scoresTheOverRepresentedEntitiesOfEveryValueWithGSquared() {
        Dataset<Row> table = facetEntities(corpus(), 1, 25);
        assertColumns(Table.FACET_ENTITIES, table);
        List<Row> expected = new ArrayList<>(world("period", "2026-W07"));
        expected.add(row("period", "2026-W08", "PER:messi", 2L, 1L, llr(2, 3, 3, 13), 1));
        expected.add(row("period", "2026-W08", "LOC:kabul", 1L, 1L, llr(1, 2, 3, 13), 2));
        expected.add(row("section", "sport", "PER:messi", 3L, 2L, llr(3, 3, 6, 13), 1));
        // zurich and fifa tie (1 of 6, 1 in all): by entity_id. kabul, 1 of 6 against 1 of 7, just makes it.
        expected.add(row("section", "sport", "LOC:zurich", 1L, 1L, llr(1, 1, 6, 13), 2));
        expected.add(row("section", "sport", "ORG:fifa", 1L, 1L, llr(1, 1, 6, 13), 3));
        expected.add(row("section", "sport", "LOC:kabul", 1L, 1L, llr(1, 2, 6, 13), 4));
        expected.addAll(world("section", "world"));
        // No lang rows (the whole corpus), none for culture (only a duplicate).
        assertRows(expected, sorted(Table.FACET_ENTITIES, table));
    }

    @Test
    void minDocCountAndTopK() {
        assertRows(List.of(
                        row("period", "2026-W07", "PER:karzai", 4L, 2L, llr(4, 4, 7, 13), 1),
                        row("section", "sport", "PER:messi", 3L, 2L, llr(3, 3, 6, 13), 1),
                        row("section", "world", "PER:karzai", 4L, 2L, llr(4, 4, 7, 13), 1)),
                sorted(Table.FACET_ENTITIES, facetEntities(corpus(), 2, 25)));
        assertRows(List.of(
                        row("section", "sport", "PER:messi", 3L, 2L, llr(3, 3, 6, 13), 1),
                        row("section", "sport", "LOC:zurich", 1L, 1L, llr(1, 1, 6, 13), 2)),
                sorted(Table.FACET_ENTITIES, facetEntities(corpus(), 1, 2).filter("value = 'sport'")));
    }
}
