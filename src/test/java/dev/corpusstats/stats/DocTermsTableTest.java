package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/** {@link DocTermsTable}: tfidf = tf · idf, ranked per document and n by tfidf descending, ties by term. */
class DocTermsTableTest {
    @Test
    void tfidfAndRankPerDocumentAndN() {
        // N = 2: "talk" is in both documents, every other term in one.
        double inBoth = Math.log((1.0 + 2) / (1.0 + 2)) + 1;
        double inOne = Math.log((1.0 + 2) / (1.0 + 1)) + 1;
        Dataset<Row> counts = frame(TermsTableTest.DOC_TERM_COUNTS,
                row("d1", "talk", 1, 2, 0.5), row("d1", "peace", 1, 1, 0.25), row("d1", "kabul", 1, 1, 0.25),
                row("d1", "peace talk", 2, 1, 1.0),
                row("d2", "talk", 1, 1, 0.5), row("d2", "taliban", 1, 1, 0.5));
        Dataset<Row> terms = frame(Table.TERMS.schema(),
                row("talk", 1, 3L, 2L, inBoth), row("peace", 1, 1L, 1L, inOne), row("kabul", 1, 1L, 1L, inOne),
                row("taliban", 1, 1L, 1L, inOne), row("peace talk", 2, 1L, 1L, inOne),
                row("unused", 1, 9L, 1L, inOne));
        Dataset<Row> docTerms = DocTermsTable.from(counts, terms);
        assertColumns(Table.DOC_TERMS, docTerms);
        assertRows(List.of(
                        // d1, n = 1: talk 0.5 · 1 = 0.5 beats 0.25 · 1.405; kabul and peace tie, by term.
                        row("d1", "talk", 1, 2, 0.5, 0.5 * inBoth, 1),
                        row("d1", "kabul", 1, 1, 0.25, 0.25 * inOne, 2),
                        row("d1", "peace", 1, 1, 0.25, 0.25 * inOne, 3),
                        // n = 2 is ranked on its own.
                        row("d1", "peace talk", 2, 1, 1.0, 1.0 * inOne, 1),
                        // d2: the rarer term first.
                        row("d2", "taliban", 1, 1, 0.5, 0.5 * inOne, 1),
                        row("d2", "talk", 1, 1, 0.5, 0.5 * inBoth, 2)),
                sorted(Table.DOC_TERMS, docTerms));
    }
}
