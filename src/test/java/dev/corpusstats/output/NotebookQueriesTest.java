package dev.corpusstats.output;

import dev.corpusstats.testing.SampleRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every query of notebooks/queries.sql (the notebook's SQL) through DuckDB's JDBC driver
 * against a real job output, so the notebook's queries are tested where Python is not installed.
 */
class NotebookQueriesTest {
    private static final Map<String, List<Map<String, Object>>> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryQuery() throws Exception {
        Path out = SampleRun.output().toAbsolutePath();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET VARIABLE out = '" + out + "'");
            st.execute("SET VARIABLE doc_id = '000_9e75ee7642a235e9'");
            st.execute("SET VARIABLE entity = 'Hamid Karzai'");
            // The sample's dated stories: Volkswagen and "recall" burst in W04; sections politics and sport.
            st.execute("SET VARIABLE entity_id = 'ORG:volkswagen'");
            st.execute("SET VARIABLE period = '2026-W04'");
            st.execute("SET VARIABLE facet = 'section'");
            st.execute("SET VARIABLE value_a = 'politics'");
            st.execute("SET VARIABLE value_b = 'sport'");
            for (Map.Entry<String, String> q : queries().entrySet()) {
                try (ResultSet rs = st.executeQuery(q.getValue())) {
                    RESULTS.put(q.getKey(), rows(rs));
                }
            }
        }
    }

    /** The named queries of notebooks/queries.sql, in file order. */
    static Map<String, String> queries() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("notebooks/queries.sql"), StandardCharsets.UTF_8)) {
            if (line.startsWith("-- name:")) {
                if (name != null) {
                    queries.put(name, sql.toString().strip());
                }
                name = line.substring("-- name:".length()).strip();
                sql.setLength(0);
            } else if (name != null && !line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, sql.toString().strip());
        }
        return queries;
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnName(i), rs.getObject(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void everyQueryRunsAndReturnsRows() throws Exception {
        assertEquals(queries().keySet(), RESULTS.keySet());
        RESULTS.forEach((name, rows) -> assertTrue(!rows.isEmpty(), name + " returned no rows"));
    }

    @Test
    void answersMakeSense() {
        Map<String, Object> overview = RESULTS.get("corpus_overview").get(0);
        assertEquals((long) SampleRun.DOCUMENTS, ((Number) overview.get("documents")).longValue());
        assertEquals(1L, ((Number) overview.get("rejects")).longValue());
        assertTrue(RESULTS.get("document_keyterms").get(0).get("terms").toString().contains("taliban"));
        assertTrue(RESULTS.get("mentioned_with").stream().anyMatch(r -> r.get("name").equals("Taliban")));
        for (Map<String, Object> kwic : RESULTS.get("keyword_in_context")) {
            assertTrue(kwic.get("mention").toString().contains("Karzai"), kwic.toString());
        }
        assertTrue(RESULTS.get("keyword_in_context").stream().anyMatch(r -> r.get("right_context").toString().startsWith(" spoke in Kabul")));
        assertEquals("kabul", RESULTS.get("similar_documents").get(0).get("doc_id"), "the other Karzai story is the most alike");
        assertTrue(RESULTS.get("top_collocations").stream().anyMatch(r -> r.get("bigram").equals("peace council")));
    }

    @Test
    void timeAndFacetAnswersMakeSense() {
        List<Map<String, Object>> trend = RESULTS.get("entity_trend");
        assertEquals(List.of("2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06"),
                trend.stream().map(r -> r.get("period")).toList(), "every period, mentioned or not");
        assertEquals(List.of(0L, 0L, 5L, 0L, 1L), trend.stream().map(r -> ((Number) r.get("mentions")).longValue()).toList());
        assertEquals(List.of(0L, 0L, 4L, 0L, 1L), trend.stream().map(r -> ((Number) r.get("doc_count")).longValue()).toList());
        assertEquals(0.0, ((Number) trend.get(0).get("doc_share")).doubleValue(), "a week with documents but no mention");
        assertEquals(1.0, ((Number) trend.get(2).get("doc_share")).doubleValue(), "all four stories of W04");
        assertEquals(null, trend.get(3).get("doc_share"), "W05 has no documents");

        List<Map<String, Object>> bursts = RESULTS.get("bursts_in_week");
        assertEquals(List.of("entity ORG:volkswagen Volkswagen", "term volkswagen null", "term recall null"),
                bursts.stream().map(r -> r.get("kind") + " " + r.get("key") + " " + r.get("name")).toList(), "strongest first");
        for (Map<String, Object> b : bursts) {
            assertTrue(b.get("start_period").toString().compareTo("2026-W04") <= 0 && b.get("end_period").toString().compareTo("2026-W04") >= 0, b.toString());
        }

        List<Map<String, Object>> contrast = RESULTS.get("facet_contrast");
        assertEquals("scholz", contrast.get(0).get("term_a"));
        assertEquals("arsenal", contrast.get(0).get("term_b"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), contrast.stream().map(r -> ((Number) r.get("rank")).intValue()).toList());
        List<Object> politics = contrast.stream().map(r -> r.get("term_a")).toList();
        assertTrue(contrast.stream().noneMatch(r -> r.get("term_b") != null && politics.contains(r.get("term_b"))),
                "no term characterises both sections");
    }
}
