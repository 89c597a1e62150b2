package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static dev.corpusstats.testing.HandMade.assertColumns;
import static dev.corpusstats.testing.HandMade.assertRows;
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link CollocationsTable}: bigrams seen at least min_count times, with PMI, NPMI and G² against N₁. */
class CollocationsTableTest {
    /** Unigram totals 3 + 2 + 4 + 1 = N₁ = 10. */
    private static Dataset<Row> terms() {
        return frame(Table.TERMS.schema(),
                row("peace", 1, 3L, 2L, 1.0), row("talk", 1, 2L, 2L, 1.0), row("kabul", 1, 4L, 2L, 1.0), row("taliban", 1, 1L, 1L, 1.5),
                row("peace talk", 2, 2L, 2L, 1.0), row("kabul peace", 2, 2L, 1L, 1.5), row("kabul taliban", 2, 1L, 1L, 1.5),
                row("kabul peace talk", 3, 2L, 1L, 1.5));
    }

    @Test
    void scoresTheBigramsSeenAtLeastMinCountTimes() {
        Dataset<Row> collocations = CollocationsTable.from(terms(), 2, 10);
        assertColumns(Table.COLLOCATIONS, collocations);
        // kabul peace: c12 = 2, c1 = 4, c2 = 3; k = [2 2; 1 5], rows 4, 6, columns 3, 7.
        double kabulPeacePmi = Math.log(2.0 * 10 / (4 * 3));
        double kabulPeaceLlr = 2 * (2 * Math.log(2 / (4 * 3 / 10.0)) + 2 * Math.log(2 / (4 * 7 / 10.0))
                + 1 * Math.log(1 / (6 * 3 / 10.0)) + 5 * Math.log(5 / (6 * 7 / 10.0)));
        // peace talk: c12 = 2, c1 = 3, c2 = 2; k = [2 1; 0 7], rows 3, 7, columns 2, 8 (the empty cell adds 0).
        double peaceTalkPmi = Math.log(2.0 * 10 / (3 * 2));
        double peaceTalkLlr = 2 * (2 * Math.log(2 / (3 * 2 / 10.0)) + 1 * Math.log(1 / (3 * 8 / 10.0))
                + 7 * Math.log(7 / (7 * 8 / 10.0)));
        assertRows(List.of(
                        row("kabul peace", "kabul", "peace", 2L, 4L, 3L, kabulPeacePmi, kabulPeacePmi / -Math.log(2 / 10.0), kabulPeaceLlr),
                        row("peace talk", "peace", "talk", 2L, 3L, 2L, peaceTalkPmi, peaceTalkPmi / -Math.log(2 / 10.0), peaceTalkLlr)),
                sorted(Table.COLLOCATIONS, collocations));
    }

    @Test
    void minCountOneKeepsEveryBigramAndNoLongerNGram() {
        List<String> bigrams = sorted(Table.COLLOCATIONS, CollocationsTable.from(terms(), 1, 10)).stream()
                .map(r -> r.getString(0)).collect(Collectors.toList());
        assertEquals(List.of("kabul peace", "kabul taliban", "peace talk"), bigrams);
    }
}
