package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/** {@link TermsTable}: per (term, n) total_count, doc_count and the smoothed idf, against the given N. */
class TermsTableTest {
    static final StructType DOC_TERM_COUNTS = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("term", DataTypes.StringType, false)
            .add("n", DataTypes.IntegerType, false)
            .add("count", DataTypes.IntegerType, false)
            .add("tf", DataTypes.DoubleType, false);

    @Test
    void sumsCountsCountsDocumentsAndSmoothsIdf() {
        Dataset<Row> counts = frame(DOC_TERM_COUNTS,
                row("d1", "talk", 1, 2, 0.5), row("d1", "peace", 1, 2, 0.5), row("d1", "peace talk", 2, 2, 1.0),
                row("d2", "talk", 1, 3, 0.75), row("d2", "kabul", 1, 1, 0.25),
                row("d3", "kabul", 1, 1, 1.0));
        // N = 4: a fourth corpus document has no terms at all.
        Dataset<Row> terms = TermsTable.from(counts, 4);
        assertColumns(Table.TERMS, terms);
        assertRows(List.of(
                        row("kabul", 1, 2L, 2L, Math.log((1.0 + 4) / (1.0 + 2)) + 1),
                        row("peace", 1, 2L, 1L, Math.log((1.0 + 4) / (1.0 + 1)) + 1),
                        row("talk", 1, 5L, 2L, Math.log((1.0 + 4) / (1.0 + 2)) + 1),
                        row("peace talk", 2, 2L, 1L, Math.log((1.0 + 4) / (1.0 + 1)) + 1)),
                sorted(Table.TERMS, terms));
    }

    @Test
    void aTermInEveryDocumentWeighsOne() {
        Dataset<Row> counts = frame(DOC_TERM_COUNTS, row("d1", "talk", 1, 1, 1.0), row("d2", "talk", 1, 4, 1.0));
        assertRows(List.of(row("talk", 1, 5L, 2L, 1.0)), sorted(Table.TERMS, TermsTable.from(counts, 2)));
    }
}
