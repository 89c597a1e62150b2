package dev.corpusstats.stats;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.corpusstats.testing.HandMade.analyzed;
import static dev.corpusstats.testing.HandMade.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link DatingSummary}: the manifest's input.dates, counting every document (duplicates too) by
 * dated or the reason it is not, with the first examples of each reason by source.
 */
class DatingSummaryTest {
    private static Map<String, String> example(String source, String value) {
        Map<String, String> e = new HashMap<>();
        e.put("source", source);
        e.put("value", value);
        return e;
    }

    @Test
    void countsEachReasonAndShowsTheFirstThreeBySource() {
        String feed = "file:/in/feed.jsonl#L";
        Map<String, Object> summary = DatingSummary.of(analyzed(
                doc("d1").source(feed + 1).publishedAt("2026-02-10T09:00:00Z"),
                doc("d2").source(feed + 2).publishedAt("2026-02-11T09:00:00Z"),
                doc("d3").source(feed + 3).duplicateOf("d1").publishedAt("2026-02-10T09:00:00Z"),
                doc("d4").source(feed + 4).undated("missing", null),
                doc("d8").source(feed + 8).undated("unparseable", "yesterday"),
                doc("d5").source(feed + 5).undated("unparseable", "31/02/2026"),
                doc("d7").source(feed + 7).undated("unparseable", "soon"),
                doc("d6").source(feed + 6).undated("unparseable", "n/a"),
                doc("d9").source(feed + 9).undated("out_of_range", "1899-12-31")));
        Map<String, Object> examples = new LinkedHashMap<>();
        examples.put("missing", List.of(example(feed + 4, null)));
        examples.put("out_of_range", List.of(example(feed + 9, "1899-12-31")));
        examples.put("unparseable", List.of(example(feed + 5, "31/02/2026"), example(feed + 6, "n/a"), example(feed + 7, "soon")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("dated", 3L); // d3 is a duplicate, and still a document
        expected.put("missing", 1L);
        expected.put("out_of_range", 1L);
        expected.put("unparseable", 4L);
        expected.put("examples", examples);
        assertEquals(expected, summary);
    }

    @Test
    void anInputWithoutADateFieldHasNoExamples() {
        assertEquals(Map.of("dated", 0L, "no_date_field", 2L), DatingSummary.of(analyzed(doc("d1"), doc("d2"))));
        assertEquals(Map.of("dated", 1L, "no_date_field", 1L),
                DatingSummary.of(analyzed(doc("d1").publishedAt("2026-02-10T09:00:00Z"), doc("d2"))));
    }
}
