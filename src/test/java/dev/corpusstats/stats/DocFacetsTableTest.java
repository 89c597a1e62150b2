package dev.corpusstats.stats;

import dev.corpusstats.output.Table;
import dev.corpusstats.stats.core.TimePeriod;
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
 * {@link DocFacetsTable}: each document's facet values as read, duplicates included, and a
 * {@code period} value for each dated one only.
 */
class DocFacetsTableTest {
    @Test
    void everyDocumentKeepsItsFacetsAndTheDatedOnesGetTheirPeriod() {
        Dataset<Row> analyzed = analyzed(
                doc("d1").publishedAt("2026-02-10T09:00:00Z").facet("section", "world").facet("tag", "kabul").facet("tag", "talks"),
                doc("d2").duplicateOf("d1").publishedAt("2026-02-17T09:00:00Z").facet("section", "world"),
                doc("d3").undated("unparseable", "soon").facet("section", "sport"),
                doc("d4").publishedAt("2026-02-28T23:59:59Z"),
                doc("d5").undated("missing", null));
        Dataset<Row> table = DocFacetsTable.from(analyzed, TimePeriod.WEEK);
        assertColumns(Table.DOC_FACETS, table);
        // d3 is undated: its section is kept, it has no period. d5 has neither, so no row at all.
        assertRows(List.of(
                        row("d1", "period", "2026-W07"),
                        row("d2", "period", "2026-W08"),
                        row("d4", "period", "2026-W09"),
                        row("d3", "section", "sport"),
                        row("d1", "section", "world"),
                        row("d2", "section", "world"),
                        row("d1", "tag", "kabul"),
                        row("d1", "tag", "talks")),
                sorted(Table.DOC_FACETS, table));
    }

    @Test
    void thePeriodFacetFollowsTrendsPeriod() {
        Dataset<Row> analyzed = analyzed(doc("d1").publishedAt("2026-02-28T23:59:59Z"), doc("d2").publishedAt("2026-03-01T00:00:00Z"));
        assertRows(List.of(row("d1", "period", "2026-02"), row("d2", "period", "2026-03")),
                sorted(Table.DOC_FACETS, DocFacetsTable.from(analyzed, TimePeriod.MONTH)));
        assertRows(List.of(row("d1", "period", "2026-02-28"), row("d2", "period", "2026-03-01")),
                sorted(Table.DOC_FACETS, DocFacetsTable.from(analyzed, TimePeriod.DAY)));
    }
}
