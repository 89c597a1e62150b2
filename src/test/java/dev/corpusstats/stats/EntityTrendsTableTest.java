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
import static dev.corpusstats.testing.HandMade.frame;
import static dev.corpusstats.testing.HandMade.row;
import static dev.corpusstats.testing.HandMade.sorted;

/**
 * {@link EntityTrendsTable}: entities in at least min_doc_count corpus documents, their mentions and
 * documents per period over the dated ones only, with doc_share against periods.documents.
 */
class EntityTrendsTableTest {
    /** The table as {@link CorpusTables} builds it (no person links), duplicates counted once. */
    static Dataset<Row> entityTrends(Dataset<Row> analyzed, TimePeriod period, int minDocCount) {
        Dataset<Row> corpus = DocTermCounts.corpusDocuments(analyzed, true);
        Dataset<Row> docEntities = DocEntitiesTable.from(corpus, frame(EntityLinksTest.LINKS));
        Dataset<Row> documentPeriods = DocumentPeriods.of(corpus, period);
        Dataset<Row> periods = PeriodsTable.from(TestSpark.session(), PeriodCounts.of(documentPeriods, period));
        return EntityTrendsTable.from(docEntities, documentPeriods, periods, minDocCount);
    }

    /**
     * Weeks W07 (d1, d2; d3 is d2's copy), W08 (none), W09 (d4); d5 is undated. Corpus documents:
     * karzai 3, kabul 3, taliban 1.
     */
    static Dataset<Row> corpus() {
        return analyzed(
                doc("d1").publishedAt("2026-02-10T09:00:00Z").entity("PER:karzai", "Karzai", "PER", 2, 0, 0.7)
                        .entity("LOC:kabul", "Kabul", "LOC", 1, 30, 0.3),
                doc("d2").publishedAt("2026-02-11T09:00:00Z").entity("PER:karzai", "Karzai", "PER", 1, 0, 1.0),
                doc("d3").duplicateOf("d2").publishedAt("2026-02-11T09:00:00Z").entity("PER:karzai", "Karzai", "PER", 1, 0, 1.0),
                doc("d4").publishedAt("2026-02-25T09:00:00Z").entity("PER:karzai", "Karzai", "PER", 3, 0, 0.8)
                        .entity("LOC:kabul", "Kabul", "LOC", 1, 40, 0.2),
                doc("d5").undated("out_of_range", "1999-01-01").entity("LOC:kabul", "Kabul", "LOC", 2, 0, 0.6)
                        .entity("ORG:taliban", "Taliban", "ORG", 1, 20, 0.4));
    }

    @Test
    void countsTheDatedDocumentsOfEachPeriodWhereTheEntityIsMentioned() {
        Dataset<Row> table = entityTrends(corpus(), TimePeriod.WEEK, 3);
        assertColumns(Table.ENTITY_TRENDS, table);
        // W07 has 2 documents, W09 1, W08 none (no rows). kabul's third document is the undated d5.
        assertRows(List.of(
                        row("2026-W07", "LOC:kabul", 1L, 1L, 0.5),
                        row("2026-W09", "LOC:kabul", 1L, 1L, 1.0),
                        row("2026-W07", "PER:karzai", 3L, 2L, 1.0),
                        row("2026-W09", "PER:karzai", 3L, 1L, 1.0)),
                sorted(Table.ENTITY_TRENDS, table));
    }

    @Test
    void anEntityOfUndatedDocumentsOnlyHasNoTrend() {
        List<Row> rows = sorted(Table.ENTITY_TRENDS, entityTrends(corpus(), TimePeriod.WEEK, 1));
        assertRows(List.of(), rows.stream().filter(r -> r.getString(1).equals("ORG:taliban")).toList());
        assertRows(List.of(), entityTrends(corpus(), TimePeriod.WEEK, 4).collectAsList());
    }
}
