package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.doc;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/** {@link EntityTermsTable}: per entity (after linking) its over-represented terms by G², ranked, top K kept. */
class EntityTermsTableTest {
    private static final long N1 = 20;

    private static Dataset<Row> corpusDocuments() {
        return analyzed(
                doc("d1").entityTerm("PER:obama", "talk", 2).entityTerm("PER:obama", "peace", 1).entityTerm("PER:obama", "week", 1),
                doc("d2").entityTerm("PER:barack obama", "talk", 1).entityTerm("PER:barack obama", "kabul", 1)
                        .entityTerm("PER:barack obama", "official", 1)
                        .entityTerm("LOC:kabul", "talk", 1).entityTerm("LOC:kabul", "week", 2)
                        .entityTerm("ORG:taliban", "kabul", 1).entityTerm("ORG:taliban", "envoy", 1));
    }

    /** Unigram totals 4 + 3 + 2 + 2 + 5 + 4 = N₁ = 20; the bigram is not a candidate. */
    private static Dataset<Row> terms() {
        return frame(Table.TERMS.schema(),
                row("talk", 1, 4L, 2L, 1.0), row("peace", 1, 3L, 2L, 1.0), row("kabul", 1, 2L, 1L, 1.0), row("envoy", 1, 2L, 1L, 1.0),
                row("week", 1, 5L, 2L, 1.0), row("official", 1, 4L, 2L, 1.0), row("peace talk", 2, 2L, 1L, 1.0));
    }

    private static Dataset<Row> links() {
        return frame(EntityLinksTest.LINKS, row("PER:obama", "PER:barack obama"));
    }

    /** 2 Σ k ln(k / E) over the four cells, an empty cell adding 0; E = row · column / N₁. */
    private static double g2(double k11, double k12, double k21, double k22) {
        double r1 = k11 + k12;
        double r2 = k21 + k22;
        double c1 = k11 + k21;
        double c2 = k12 + k22;
        return 2 * (k11 * Math.log(k11 / (r1 * c1 / N1)) + k12 * Math.log(k12 / (r1 * c2 / N1))
                + k21 * Math.log(k21 / (r2 * c1 / N1)) + k22 * Math.log(k22 / (r2 * c2 / N1)));
    }

    // PER:barack obama, with PER:obama's counts: talk 3, peace 1, week 1, kabul 1, official 1; c₁ = 7.
    // Over-represented (c₁₂ · 20 > c₂ · 7): talk (60 > 28), kabul (20 > 14); not peace (20 < 21), week, official.
    private static final Row OBAMA_TALK = row("PER:barack obama", "talk", 3L, g2(3, 4, 1, 12), 1);
    private static final Row OBAMA_KABUL = row("PER:barack obama", "kabul", 1L, g2(1, 6, 1, 12), 2);
    // LOC:kabul: talk 1, week 2; c₁ = 3; both over-represented.
    private static final Row KABUL_WEEK = row("LOC:kabul", "week", 2L, g2(2, 1, 3, 14), 1);
    private static final Row KABUL_TALK = row("LOC:kabul", "talk", 1L, g2(1, 2, 3, 14), 2);
    // ORG:taliban: kabul 1, envoy 1, c₁ = 2, both c₂ = 2: equal G², ranked by term.
    private static final Row TALIBAN_ENVOY = row("ORG:taliban", "envoy", 1L, g2(1, 1, 1, 17), 1);
    private static final Row TALIBAN_KABUL = row("ORG:taliban", "kabul", 1L, g2(1, 1, 1, 17), 2);

    @Test
    void overRepresentedTermsRankedByLlr() {
        Dataset<Row> table = EntityTermsTable.from(corpusDocuments(), terms(), 10, N1, links());
        assertColumns(Table.ENTITY_TERMS, table);
        assertRows(List.of(KABUL_WEEK, KABUL_TALK, TALIBAN_ENVOY, TALIBAN_KABUL, OBAMA_TALK, OBAMA_KABUL),
                sorted(Table.ENTITY_TERMS, table));
    }

    @Test
    void topKKeepsTheFirstRanks() {
        Dataset<Row> table = EntityTermsTable.from(corpusDocuments(), terms(), 1, N1, links());
        assertRows(List.of(KABUL_WEEK, TALIBAN_ENVOY, OBAMA_TALK), sorted(Table.ENTITY_TERMS, table));
    }
}
