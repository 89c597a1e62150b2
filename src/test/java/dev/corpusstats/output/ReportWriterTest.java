package dev.corpusstats.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpusstats.testing.SampleRun;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html embeds the run's final manifest (its status, where it was published and its whole
 * duration), and embeds any data safely: nothing in a string can end the script or open a comment,
 * and every string is bounded. Its time and facet data are the tables' own rows, checked here
 * against DuckDB's reading of the sample run's Parquet.
 */
class ReportWriterTest {
    @Test
    void noValueCanBreakOutOfThePagesScript() throws Exception {
        ObjectNode data = new ObjectMapper().createObjectNode();
        data.put("title", "<!-- a comment opened, then <script>alert(1)</script> & more");
        data.putArray("names").add("</script>").add("x".repeat(10_000));
        String json = ReportWriter.embedded(data);
        assertFalse(json.contains("<") || json.contains(">"), json);
        JsonNode back = new ObjectMapper().readTree(json);
        assertEquals("<!-- a comment opened, then <script>alert(1)</script> & more", back.get("title").asText());
        assertEquals("</script>", back.get("names").get(0).asText());
        assertEquals("x".repeat(ReportWriter.MAX_STRING - 1) + "…", back.get("names").get(1).asText());
    }

    @Test
    void stringsAreCutByCodePointsNeverInsideOne() throws Exception {
        String emoji = "\uD83D\uDE00";
        ObjectNode data = new ObjectMapper().createObjectNode();
        data.put("exact", emoji.repeat(ReportWriter.MAX_STRING));
        data.put("over", emoji.repeat(ReportWriter.MAX_STRING + 1));
        JsonNode back = new ObjectMapper().readTree(ReportWriter.embedded(data));
        assertEquals(emoji.repeat(ReportWriter.MAX_STRING), back.get("exact").asText(), "at the bound: kept whole");
        assertEquals(emoji.repeat(ReportWriter.MAX_STRING - 1) + "…", back.get("over").asText());
    }

    @Test
    void thePageShowsTheManifestAsPublished() throws Exception {
        String html = Files.readString(SampleRun.output().resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
        Manifest manifest = Manifest.read(SampleRun.output().toString(), new Configuration());
        assertNotNull(manifest.durationSeconds);
        assertTrue(html.contains("\"duration_seconds\":" + manifest.durationSeconds), "the manifest's duration is on the page");
        assertTrue(html.contains("\"run_id\":\"" + manifest.runId + "\""));
        assertTrue(html.contains("\"status\":\"succeeded\""));
        assertTrue(html.contains("\"ended_at\":\"" + manifest.endedAt + "\""));
        assertEquals(manifest.stageSeconds.keySet(), java.util.Set.of("read", "nlp", "statistics_and_write", "report"));
    }

    @Test
    void theTimePartShowsPeriodsTrendsAndBurstsFromTheTables() throws Exception {
        JsonNode time = SampleRun.reportData().get("time");
        assertEquals(rows("SELECT period || ' ' || documents FROM read_parquet('%s/periods/*.parquet') ORDER BY period"),
                texts(time.get("periods"), p -> p.get("period").asText() + " " + p.get("documents").asLong()));
        assertEquals(List.of("2026-W02 4", "2026-W03 4", "2026-W04 4", "2026-W05 0", "2026-W06 4"),
                texts(time.get("periods"), p -> p.get("period").asText() + " " + p.get("documents").asLong()),
                "the sample's four weeks of four stories, and the empty week between");
        assertEquals(5, time.get("period_count").asLong());

        assertEquals(rows("""
                SELECT entity_id FROM read_parquet('%s/entity_trends/*.parquet')
                GROUP BY entity_id ORDER BY sum(mentions) DESC, entity_id LIMIT 5"""),
                texts(time.get("entity_trends"), l -> l.get("entity_id").asText()), "the five most mentioned in dated documents");
        JsonNode volkswagen = time.get("entity_trends").get(0);
        assertEquals("Volkswagen", volkswagen.get("name").asText());
        assertEquals(rows("""
                SELECT period || ' ' || mentions || ' ' || doc_count || ' ' || printf('%%.6f', doc_share)
                FROM read_parquet('%s/entity_trends/*.parquet') WHERE entity_id = 'ORG:volkswagen' ORDER BY period"""),
                texts(volkswagen.get("points"), p -> p.get("period").asText() + " " + p.get("mentions").asLong() + " "
                        + p.get("doc_count").asLong() + " " + fixed(p.get("doc_share"))));

        assertEquals(rows("""
                SELECT kind || ' ' || key || ' ' || start_period || ' ' || end_period || ' ' || documents
                FROM read_parquet('%s/bursts/*.parquet') ORDER BY weight DESC, kind, key, start_period LIMIT 10"""),
                texts(time.get("bursts"), b -> b.get("kind").asText() + " " + b.get("key").asText() + " "
                        + b.get("start_period").asText() + " " + b.get("end_period").asText() + " " + b.get("documents").asLong()));
        JsonNode strongest = time.get("bursts").get(0);
        assertEquals("ORG:volkswagen 2026-W04 Volkswagen", strongest.get("key").asText() + " "
                + strongest.get("start_period").asText() + " " + strongest.get("name").asText(), "an entity's burst has its name");
        assertTrue(texts(time.get("bursts"), b -> b.get("key").asText() + " " + b.get("start_period").asText()).contains("flood 2026-W03"));
    }

    @Test
    void theFacetsPartShowsEachValuesTopTermsAndEntities() throws Exception {
        JsonNode facets = SampleRun.reportData().get("facets");
        assertEquals(List.of("section", "period"), texts(facets, f -> f.get("facet").asText()), "period last");
        JsonNode section = facets.get(0);
        assertEquals(3, section.get("value_count").asLong());
        assertEquals(rows("""
                SELECT value || ' ' || count(*) FROM read_parquet('%s/doc_facets/*.parquet') WHERE facet = 'section'
                GROUP BY value ORDER BY count(*) DESC, value"""),
                texts(section.get("values"), v -> v.get("value").asText() + " " + v.get("documents").asLong()));
        for (JsonNode facet : facets) {
            for (JsonNode value : facet.get("values")) {
                String where = " WHERE facet = '" + facet.get("facet").asText() + "' AND value = '" + value.get("value").asText()
                        + "' AND rank <= 5 ORDER BY rank";
                assertEquals(rows("SELECT term || ' ' || count || ' ' || doc_count || ' ' || printf('%%.6f', llr) FROM read_parquet('%s/facet_terms/*.parquet')" + where),
                        texts(value.get("terms"), t -> t.get("term").asText() + " " + t.get("count").asLong() + " "
                                + t.get("doc_count").asLong() + " " + fixed(t.get("llr"))), facet + " " + value.get("value"));
                assertEquals(rows("SELECT entity_id || ' ' || mentions FROM read_parquet('%s/facet_entities/*.parquet')" + where),
                        texts(value.get("entities"), e -> e.get("entity_id").asText() + " " + e.get("mentions").asLong()));
            }
        }
        JsonNode politics = section.get("values").get(1);
        assertEquals("politics", politics.get("value").asText());
        assertEquals("scholz", politics.get("terms").get(0).get("term").asText());
        assertEquals("Olaf Scholz", politics.get("entities").get(0).get("name").asText());
    }

    /** The first column of a DuckDB query over the sample run's tables, as text; %s is the output root. */
    private static List<String> rows(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql.formatted(SampleRun.output().toAbsolutePath()))) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    /** A double as DuckDB's printf('%.6f') writes it, so that both sides compare as text. */
    private static String fixed(JsonNode number) {
        return String.format(java.util.Locale.ROOT, "%.6f", number.asDouble());
    }

    private static List<String> texts(JsonNode array, java.util.function.Function<JsonNode, String> text) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(text.apply(node)));
        return texts;
    }
}
