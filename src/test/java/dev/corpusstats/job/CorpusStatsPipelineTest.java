package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.Table;
import dev.corpusstats.testing.TestFiles;
import dev.corpusstats.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the whole job on small corpora written here (and the seed) and checks the Parquet it wrote. */
class CorpusStatsPipelineTest {
    private static final double EPS = 1e-9;
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    private Manifest run(Path input, Path output, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("input.path", input.toString());
        settings.put("output.path", output.toString());
        JobConfig config = ConfigLoader.load(null, settings);
        return new CorpusStatsPipeline(spark, config).run();
    }

    private Dataset<Row> table(Path output, Table table) {
        return spark.read().parquet(output.resolve(table.folder()).toString());
    }

    /** Three documents, one a copy of another; every expected value below is worked out by hand. */
    @Test
    void tinyCorpusMatchesHandComputedStatistics() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "d1.txt", "Solar panel. Solar panel wind.");
        TestFiles.write(in, "d2.txt", "Wind farm. The wind farm.");
        TestFiles.write(in, "d3.txt", "Wind farm. The wind farm.");
        Path out = dir.resolve("out");
        Manifest manifest = run(in, out, Map.of());

        assertEquals("succeeded", manifest.status);
        Map<String, Row> docs = byKey(table(out, Table.DOCUMENTS), "doc_id");
        assertEquals(3, docs.size());
        Row d1 = docs.get("d1");
        assertEquals(List.of(30, 2, 7, 5, 3), List.of(d1.<Integer>getAs("char_count"), d1.<Integer>getAs("sentence_count"),
                d1.<Integer>getAs("token_count"), d1.<Integer>getAs("term_count"), d1.<Integer>getAs("distinct_term_count")));
        assertEquals("UTF-8", d1.getAs("encoding"));
        assertNull(docs.get("d2").getAs("duplicate_of"));
        assertEquals("d2", docs.get("d3").getAs("duplicate_of"), "identical text counts once");

        // N = 2 documents (d3 is a duplicate). idf = ln((1 + N) / (1 + df)) + 1.
        double idfOnce = Math.log(3.0 / 2.0) + 1;
        Map<String, Row> terms = byKey(table(out, Table.TERMS).filter(col("n").equalTo(1)), "term");
        assertEquals(Map.of("solar", 2L, "panel", 2L, "wind", 3L, "farm", 2L), column(terms, "total_count"));
        assertEquals(Map.of("solar", 1L, "panel", 1L, "wind", 2L, "farm", 1L), column(terms, "doc_count"));
        assertEquals(1.0, terms.get("wind").<Double>getAs("idf"), EPS);
        assertEquals(idfOnce, terms.get("solar").<Double>getAs("idf"), EPS);

        // d1 unigrams: solar 2, panel 2, wind 1 of 5; ties in tfidf rank by term.
        Map<String, Row> d1Terms = byKey(table(out, Table.DOC_TERMS).filter("doc_id = 'd1' and n = 1"), "term");
        assertEquals(0.4, d1Terms.get("solar").<Double>getAs("tf"), EPS);
        assertEquals(0.4 * idfOnce, d1Terms.get("solar").<Double>getAs("tfidf"), EPS);
        assertEquals(0.2, d1Terms.get("wind").<Double>getAs("tfidf"), EPS);
        assertEquals(Map.of("panel", 1, "solar", 2, "wind", 3), column(d1Terms, "rank"));
        Map<String, Row> d1Bigrams = byKey(table(out, Table.DOC_TERMS).filter("doc_id = 'd1' and n = 2"), "term");
        assertEquals(Map.of("solar panel", 2, "panel wind", 1), column(d1Bigrams, "count"));
        assertEquals(2.0 / 3, d1Bigrams.get("solar panel").<Double>getAs("tf"), EPS);
        assertEquals(List.of("solar panel wind"), table(out, Table.DOC_TERMS).filter("n = 3")
                .select("term").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());

        // Collocations, min_count 2, N = 9 unigram occurrences in the corpus.
        Map<String, Row> colloc = byKey(table(out, Table.COLLOCATIONS), "bigram");
        assertEquals(List.of("solar panel", "wind farm"), colloc.keySet().stream().sorted().toList());
        Row windFarm = colloc.get("wind farm");
        assertEquals(List.of("wind", "farm", 2L, 3L, 2L), List.of(windFarm.getAs("first"), windFarm.getAs("second"),
                windFarm.getAs("count"), windFarm.getAs("first_count"), windFarm.getAs("second_count")));
        assertEquals(Math.log(3.0), windFarm.<Double>getAs("pmi"), EPS);
        assertEquals(Math.log(3.0) / Math.log(9.0 / 2), windFarm.<Double>getAs("npmi"), EPS);
        // 2x2 table: k11 = 2, k12 = 1, k21 = 0, k22 = 6; G² = 2 Σ k ln(k / E).
        double g2 = 2 * (2 * Math.log(2 / (3.0 * 2 / 9)) + 1 * Math.log(1 / (3.0 * 7 / 9)) + 6 * Math.log(6 / (6.0 * 7 / 9)));
        assertEquals(g2, windFarm.<Double>getAs("llr"), EPS);
        assertEquals(1.0, colloc.get("solar panel").<Double>getAs("npmi"), EPS);

        assertEquals(0, table(out, Table.REJECTS).count());
        assertReconciles(out);
        Manifest written = Manifest.read(out.toString(), new Configuration());
        Map<String, Long> rows = written.tables.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().rows()));
        assertEquals(Map.of("documents", 3L, "rejects", 0L, "terms", 8L, "doc_terms", 9L, "collocations", 2L),
                Map.of("documents", rows.get("documents"), "rejects", rows.get("rejects"), "terms", rows.get("terms"),
                        "doc_terms", rows.get("doc_terms"), "collocations", rows.get("collocations")));
        assertEquals(java.util.Arrays.stream(Table.values()).map(Table::folder).collect(Collectors.toSet()), rows.keySet());
        assertEquals(2L, ((Number) written.input.get("corpus_documents")).longValue());
    }

    /** The seed among good and bad files of every kind: every input ends in documents or rejects. */
    @Test
    void seedAndBadInputsEachLandInDocumentsOrRejects() throws Exception {
        Path in = dir.resolve("in");
        Files.copy(TestFiles.seedFile(), Files.createDirectories(in).resolve("000_9e75ee7642a235e9.txt"));
        TestFiles.write(in, "sport/199.txt", new byte[] {'A', ' ', (byte) 0xA3, '1', '5', 'm', ' ', 'f', 'e', 'e', '.'});
        TestFiles.write(in, "nested/deeper/still/story.txt.gz", TestFiles.gzip("Kabul talks resumed on Monday."));
        TestFiles.write(in, "feed.jsonl", "{\"id\": \"j1\", \"title\": \"Wire\", \"text\": \"Peace council met.\"}\n{broken\n");
        TestFiles.write(in, "empty.txt", new byte[0]);
        TestFiles.write(in, "blank.txt", "  \n\n ");
        TestFiles.write(in, "photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        TestFiles.write(in, "cut.txt.gz", TestFiles.truncatedGzip("Truncated story. ".repeat(200)));
        TestFiles.write(in, "huge.txt", "word ".repeat(2000));
        TestFiles.write(in, "sport/199.md", "Another file with the same doc_id.");
        TestFiles.write(in, "_SUCCESS", "");
        Path out = dir.resolve("out");
        Manifest manifest = run(in, out, Map.of("input.max_document_bytes", "5000"));

        assertEquals(10, ((Number) manifest.input.get("files")).intValue(), "_SUCCESS is skipped like Spark does");
        Map<String, String> reasons = table(out, Table.REJECTS).collectAsList().stream().collect(Collectors.toMap(
                r -> Path.of(r.<String>getAs("source").replaceFirst("^file:", "")).getFileName().toString(),
                r -> r.getAs("reason")));
        assertEquals(Map.of("feed.jsonl#L2", "malformed_record", "empty.txt", "empty", "blank.txt", "empty",
                "photo.jpg", "binary", "cut.txt.gz", "corrupt_compression", "huge.txt", "too_large",
                "199.txt", "duplicate_doc_id"), reasons, "sport/199.md sorts first and keeps the id");
        Map<String, Row> docs = byKey(table(out, Table.DOCUMENTS), "doc_id");
        assertEquals(List.of("000_9e75ee7642a235e9", "j1", "nested/deeper/still/story", "sport/199"),
                docs.keySet().stream().sorted().toList());
        assertEquals(10 + 1, docs.size() + reasons.size(), "the JSON Lines file holds two records");
        assertEquals("Wire", docs.get("j1").getAs("title"));

        Row seed = docs.get("000_9e75ee7642a235e9");
        assertTrue(seed.<String>getAs("text").startsWith("Afghan President Hamid Karzai"));
        List<String> top = table(out, Table.DOC_TERMS)
                .filter("doc_id = '000_9e75ee7642a235e9' and n = 1 and rank <= 10")
                .select("term").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertTrue(top.containsAll(List.of("taliban", "karzai", "peace")), top.toString());
        assertEquals(1, table(out, Table.COLLOCATIONS).filter("bigram = 'peace council'").count());
        assertReconciles(out);
        assertMentionsSliceTheirDocuments(out);
        assertEntityCountsReconcile(out);
        Row karzai = table(out, Table.ENTITIES).filter("entity_id = 'PER:hamid karzai'").first();
        assertEquals("Hamid Karzai", karzai.getAs("name"));
        assertEquals(1, table(out, Table.ENTITY_COOCCURRENCE)
                .filter("entity_a = 'ORG:taliban' and entity_b = 'PER:hamid karzai' and sentence_count >= 2").count());
        assertDuckDbReadsEveryTable(out);
    }

    @Test
    void everyInputFileIsReadFromAnUnusualPath() throws Exception {
        Path in = dir.resolve("dir with spaces/ünïcode");
        TestFiles.write(in, "naïve name.txt", "Café owners in Zürich met.");
        Path out = dir.resolve("out");
        run(in, out, Map.of());
        assertEquals(List.of("naïve name"), table(out, Table.DOCUMENTS).select("doc_id")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertTrue(Files.readString(out.resolve(Manifest.FILE_NAME), StandardCharsets.UTF_8).contains("\"succeeded\""));
    }

    /** "Obama" alone in one document is the "Barack Obama" of another; entity counts still reconcile. */
    @Test
    void surnamesAreLinkedToTheFullNameAcrossDocuments() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "President Barack Obama met Angela Merkel in Berlin. Barack Obama praised the deal.");
        TestFiles.write(in, "b.txt", "Obama said on Tuesday that the talks in Washington went well.");
        Path out = dir.resolve("out");
        run(in, out, Map.of());
        Map<String, Row> entities = byKey(table(out, Table.ENTITIES).filter("type = 'PER'"), "entity_id");
        assertTrue(entities.containsKey("PER:barack obama"), entities.keySet().toString());
        assertTrue(!entities.containsKey("PER:obama"), "linked: " + entities.keySet());
        Row obama = entities.get("PER:barack obama");
        assertEquals("Barack Obama", obama.getAs("name"));
        assertEquals(2L, obama.<Long>getAs("doc_count"));
        assertEquals(3L, obama.<Long>getAs("mention_count"));
        assertEquals(1, table(out, Table.ENTITY_MENTIONS).filter("doc_id = 'b' and entity_id = 'PER:barack obama'").count());
        assertEntityCountsReconcile(out);
    }

    /**
     * Dated JSON Lines records with a section facet (a list for one of them), a copy, two undated
     * records and a week without documents: periods, the trends, bursts and the facet tables
     * reconcile with documents, doc_terms and doc_entities, counting the copy once or, when
     * configured, every copy.
     */
    @Test
    void datesAndFacetsReconcileWithTheDocumentTables() throws Exception {
        Path in = dir.resolve("in");
        String world = "\"world\"";
        String sport = "\"sport\"";
        TestFiles.write(in, "feed.jsonl", String.join("\n",
                record("a1", "2026-02-10T09:00:00Z", "[" + world + ", \"asia\"]",
                        "President Hamid Karzai met Taliban leaders in Kabul. Peace talks resumed in Kabul."),
                record("a2", "2026-02-11 08:00:00", world, "Hamid Karzai said peace talks with the Taliban would continue in Kabul."),
                record("a3", "2026-02-12", "\"asia\"", "Hamid Karzai said peace talks with the Taliban would continue in Kabul."),
                record("a4", "2026-02-25T20:00:00+01:00", sport, "Lionel Messi scored twice as Barcelona beat Madrid in Spain."),
                record("a5", "2026-02-26", sport, "Messi and Barcelona won again in Spain on Sunday."),
                record("a6", null, world, "Karzai and the Taliban met in Kabul for peace talks."),
                record("a7", "next week", sport, "Barcelona fans in Spain celebrated Messi."),
                record("a8", "2026-03-05", world, "Peace talks in Kabul ended as Karzai left for Washington.")) + "\n");
        Map<String, String> settings = Map.of("input.date_column", "published", "input.facet_columns", "[section]",
                "trends.min_doc_count", "2", "facets.min_doc_count", "1",
                "bursts.gamma", "0.1"); // four weeks: a cheap burst state, so that bursts has rows
        Path out = dir.resolve("out");
        Manifest manifest = run(in, out, settings);

        assertEquals("succeeded", manifest.status);
        @SuppressWarnings("unchecked")
        Map<String, Object> dates = new HashMap<>((Map<String, Object>) manifest.input.get("dates"));
        dates.remove("examples");
        assertEquals(Map.of("dated", 6L, "missing", 1L, "unparseable", 1L), dates, "a3, the copy, is a document too");
        assertEquals("a2", table(out, Table.DOCUMENTS).filter("doc_id = 'a3'").first().getAs("duplicate_of"));
        // Weeks W07 (a1, a2; a3 is a2's copy), W08 (none), W09 (a4, a5), W10 (a8).
        assertEquals(List.of("2026-W07 2", "2026-W08 0", "2026-W09 2", "2026-W10 1"),
                table(out, Table.PERIODS).orderBy("period").collectAsList().stream()
                        .map(r -> r.getAs("period") + " " + r.getAs("documents")).toList());
        assertEquals(List.of("a1 period 2026-W07", "a1 section asia", "a1 section world", "a3 period 2026-W07",
                        "a3 section asia", "a6 section world"),
                table(out, Table.DOC_FACETS).filter("doc_id in ('a1', 'a3', 'a6')").orderBy("doc_id", "facet", "value")
                        .collectAsList().stream().map(r -> r.getAs("doc_id") + " " + r.getAs("facet") + " " + r.getAs("value")).toList());
        assertTimeAndFacetTablesReconcile(out, true, 2);

        Path everyCopy = dir.resolve("every-copy");
        Map<String, String> counted = new HashMap<>(settings);
        counted.put("dedupe.count_duplicates_once", "false");
        run(in, everyCopy, counted);
        assertEquals(3L, table(everyCopy, Table.PERIODS).filter("period = '2026-W07'").first().<Long>getAs("documents"));
        assertTimeAndFacetTablesReconcile(everyCopy, false, 2);
    }

    /** A JSON Lines record; {@code section} is JSON (a string or a list), a null date leaves the field out. */
    private static String record(String id, String published, String section, String text) {
        return "{\"id\": \"" + id + "\"" + (published == null ? "" : ", \"published\": \"" + published + "\"")
                + ", \"section\": " + section + ", \"text\": \"" + text + "\"}";
    }

    /**
     * SCHEMA.md's reconciliation of the time and facet tables, in DuckDB over the Parquet written
     * (weekly periods). Each query returns the rows that are off; the tables checked must have rows.
     */
    private static void assertTimeAndFacetTablesReconcile(Path out, boolean countDuplicatesOnce, int trendsMinDocCount)
            throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (Table table : Table.values()) {
                st.execute("CREATE VIEW " + table.folder() + " AS SELECT * FROM read_parquet('"
                        + out.resolve(table.folder()) + "/*.parquet')");
            }
            // The corpus documents, each with its ISO week in UTC worked out here, not by the job.
            st.execute("CREATE VIEW counted AS SELECT *, strftime(timezone('UTC', published_at), '%G-W%V') AS week FROM documents"
                    + (countDuplicatesOnce ? " WHERE duplicate_of IS NULL" : ""));
            st.execute("CREATE MACRO xlnx(x) AS CASE WHEN x = 0 THEN 0 ELSE x * ln(x) END");
            st.execute("""
                    CREATE MACRO g2(k11, k12, k21, k22) AS 2 * (xlnx(k11) + xlnx(k12) + xlnx(k21) + xlnx(k22)
                        - xlnx(k11 + k12) - xlnx(k21 + k22) - xlnx(k11 + k21) - xlnx(k12 + k22) + xlnx(k11 + k12 + k21 + k22))
                    """);
            for (String table : List.of("periods", "term_trends", "entity_trends", "bursts", "facet_terms", "facet_entities")) {
                assertNoRows(st, table + " has rows", "SELECT 1 WHERE (SELECT count(*) FROM " + table + ") = 0");
            }
            assertNoRows(st, "a period without documents",
                    "SELECT 1 WHERE (SELECT count(*) FROM periods WHERE documents = 0) = 0");
            assertNoRows(st, "the period facet in facet_terms",
                    "SELECT 1 WHERE (SELECT count(*) FROM facet_terms WHERE facet = 'period') = 0");

            assertNoRows(st, "Σ periods.documents = dated corpus documents", """
                    SELECT * FROM (SELECT (SELECT coalesce(sum(documents), 0) FROM periods) AS in_periods,
                                          (SELECT count(*) FROM counted WHERE published_at IS NOT NULL) AS dated)
                    WHERE in_periods != dated
                    """);
            assertNoRows(st, "periods recounted by week, gaps as zeros", """
                    SELECT * FROM periods p FULL JOIN (SELECT week AS period, count(*) AS docs, sum(token_count) AS tokens
                                                       FROM counted WHERE published_at IS NOT NULL GROUP BY week) c USING (period)
                    WHERE p.documents IS NULL OR p.documents != coalesce(c.docs, 0) OR p.tokens != coalesce(c.tokens, 0)
                       OR strftime(p.start_date, '%G-W%V') != p.period OR isodow(p.start_date) != 1
                    """);
            assertNoRows(st, "every week from the first to the last", """
                    SELECT * FROM (SELECT count(*) AS n, min(start_date) AS first, max(start_date) AS last FROM periods)
                    WHERE n != date_diff('week', first, last) + 1
                    """);

            assertNoRows(st, "per term, Σ term_trends = doc_terms of dated documents", """
                    SELECT * FROM (SELECT term, n, sum(count) AS count, sum(doc_count) AS docs FROM term_trends GROUP BY term, n) tt
                    LEFT JOIN (SELECT t.term, t.n, sum(t.count) AS count, count(*) AS docs
                               FROM doc_terms t JOIN counted d USING (doc_id) WHERE d.published_at IS NOT NULL
                               GROUP BY t.term, t.n) dt USING (term, n)
                    WHERE dt.count IS NULL OR tt.count != dt.count OR tt.docs != dt.docs
                    """);
            assertNoRows(st, "term_trends rows recounted per week, doc_share", """
                    SELECT * FROM term_trends tt
                    LEFT JOIN (SELECT d.week AS period, t.term, t.n, sum(t.count) AS c, count(*) AS docs
                               FROM doc_terms t JOIN counted d USING (doc_id) WHERE d.published_at IS NOT NULL
                               GROUP BY ALL) dt USING (period, term, n)
                    LEFT JOIN periods p USING (period)
                    WHERE dt.c IS NULL OR tt.count != dt.c OR tt.doc_count != dt.docs OR p.documents IS NULL
                       OR abs(tt.doc_share - tt.doc_count / p.documents) > 1e-12
                    """);
            assertNoRows(st, "term_trends holds exactly the dated uni- and bigrams in enough corpus documents", ("""
                    WITH eligible AS (SELECT DISTINCT term, n FROM terms JOIN doc_terms USING (term, n) JOIN counted USING (doc_id)
                                      WHERE n <= 2 AND terms.doc_count >= %d AND published_at IS NOT NULL)
                    (SELECT * FROM eligible EXCEPT SELECT term, n FROM term_trends)
                    UNION ALL (SELECT term, n FROM term_trends EXCEPT SELECT * FROM eligible)
                    """).formatted(trendsMinDocCount));

            assertNoRows(st, "per entity, Σ entity_trends = doc_entities of dated documents", """
                    SELECT * FROM (SELECT entity_id, sum(mentions) AS m, sum(doc_count) AS docs FROM entity_trends GROUP BY entity_id) et
                    LEFT JOIN (SELECT e.entity_id, sum(e.mentions) AS m, count(*) AS docs
                               FROM doc_entities e JOIN counted d USING (doc_id) WHERE d.published_at IS NOT NULL
                               GROUP BY e.entity_id) de USING (entity_id)
                    WHERE de.m IS NULL OR et.m != de.m OR et.docs != de.docs
                    """);
            assertNoRows(st, "entity_trends rows recounted per week, doc_share", """
                    SELECT * FROM entity_trends et
                    LEFT JOIN (SELECT d.week AS period, e.entity_id, sum(e.mentions) AS m, count(*) AS docs
                               FROM doc_entities e JOIN counted d USING (doc_id) WHERE d.published_at IS NOT NULL
                               GROUP BY ALL) de USING (period, entity_id)
                    LEFT JOIN periods p USING (period)
                    WHERE de.m IS NULL OR et.mentions != de.m OR et.doc_count != de.docs OR p.documents IS NULL
                       OR abs(et.doc_share - et.doc_count / p.documents) > 1e-12
                    """);
            assertNoRows(st, "entity_trends holds exactly the dated entities in enough corpus documents", ("""
                    WITH eligible AS (SELECT DISTINCT entity_id FROM entities JOIN doc_entities USING (entity_id) JOIN counted USING (doc_id)
                                      WHERE entities.doc_count >= %d AND published_at IS NOT NULL)
                    (SELECT * FROM eligible EXCEPT SELECT entity_id FROM entity_trends)
                    UNION ALL (SELECT entity_id FROM entity_trends EXCEPT SELECT * FROM eligible)
                    """).formatted(trendsMinDocCount));

            assertNoRows(st, "bursts.documents = Σ trends doc_count over the burst's periods", """
                    SELECT b.kind, b.key, b.start_period, b.documents, sum(s.doc_count) AS recount FROM bursts b
                    LEFT JOIN (SELECT 'term' AS kind, term AS key, period, doc_count FROM term_trends
                               UNION ALL SELECT 'entity', entity_id, period, doc_count FROM entity_trends) s
                      ON s.kind = b.kind AND s.key = b.key AND s.period BETWEEN b.start_period AND b.end_period
                    GROUP BY ALL HAVING coalesce(sum(s.doc_count), 0) != b.documents OR b.start_period > b.end_period
                    """);

            assertNoRows(st, "facet_terms count and doc_count = doc_facets ⋈ doc_terms", """
                    SELECT * FROM facet_terms ft
                    LEFT JOIN (SELECT f.facet, f.value, t.term, t.n, sum(t.count) AS c, count(*) AS docs
                               FROM doc_facets f JOIN doc_terms t USING (doc_id) GROUP BY ALL) r USING (facet, value, term, n)
                    WHERE r.c IS NULL OR ft.count != r.c OR ft.doc_count != r.docs
                    """);
            assertNoRows(st, "facet_terms llr is G², over-represented, ranked by llr, n, term", """
                    WITH value_totals AS (SELECT f.facet, f.value, t.n, sum(t.count) AS c2
                                          FROM doc_facets f JOIN doc_terms t USING (doc_id) GROUP BY ALL),
                         totals AS (SELECT n, sum(count) AS total FROM doc_terms GROUP BY n),
                         k AS (SELECT ft.*, ft.count AS k11, tm.total_count - ft.count AS k12, v.c2 - ft.count AS k21,
                                      o.total - tm.total_count - v.c2 + ft.count AS k22,
                                      row_number() OVER (PARTITION BY ft.facet, ft.value ORDER BY ft.llr DESC, ft.n, ft.term) AS expected_rank
                               FROM facet_terms ft JOIN terms tm USING (term, n) JOIN value_totals v USING (facet, value, n)
                               JOIN totals o USING (n))
                    SELECT * FROM k WHERE abs(llr - g2(k11, k12, k21, k22)) > 1e-9 * greatest(1, llr)
                       OR k11 * (k12 + k22) <= k12 * (k11 + k21) OR rank != expected_rank OR n > 2
                    """);
            assertNoRows(st, "facet_entities mentions and doc_count = doc_facets ⋈ doc_entities", """
                    SELECT * FROM facet_entities fe
                    LEFT JOIN (SELECT f.facet, f.value, e.entity_id, sum(e.mentions) AS m, count(*) AS docs
                               FROM doc_facets f JOIN doc_entities e USING (doc_id) GROUP BY ALL) r USING (facet, value, entity_id)
                    WHERE r.m IS NULL OR fe.mentions != r.m OR fe.doc_count != r.docs
                    """);
            assertNoRows(st, "facet_entities llr is G², over-represented, ranked by llr, entity_id", """
                    WITH value_totals AS (SELECT f.facet, f.value, sum(e.mentions) AS c2
                                          FROM doc_facets f JOIN doc_entities e USING (doc_id) GROUP BY ALL),
                         k AS (SELECT fe.*, fe.mentions AS k11, en.mention_count - fe.mentions AS k12, v.c2 - fe.mentions AS k21,
                                      (SELECT sum(mentions) FROM doc_entities) - en.mention_count - v.c2 + fe.mentions AS k22,
                                      row_number() OVER (PARTITION BY fe.facet, fe.value ORDER BY fe.llr DESC, fe.entity_id) AS expected_rank
                               FROM facet_entities fe JOIN entities en USING (entity_id) JOIN value_totals v USING (facet, value))
                    SELECT * FROM k WHERE abs(llr - g2(k11, k12, k21, k22)) > 1e-9 * greatest(1, llr)
                       OR k11 * (k12 + k22) <= k12 * (k11 + k21) OR rank != expected_rank
                    """);
        }
    }

    /** The query returns no row; else the first few are the message. */
    private static void assertNoRows(Statement st, String what, String sql) throws Exception {
        List<String> off = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next() && off.size() < 5) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? ", " : "").append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i));
                }
                off.add(row.toString());
            }
        }
        assertEquals(List.of(), off, what);
    }

    /** Sum of doc_terms.count per term is terms.total_count, and doc_count its number of documents. */
    private void assertReconciles(Path out) {
        Dataset<Row> fromDocs = table(out, Table.DOC_TERMS).groupBy("term", "n")
                .agg(org.apache.spark.sql.functions.sum("count").as("total"),
                        org.apache.spark.sql.functions.countDistinct("doc_id").as("docs"));
        Dataset<Row> terms = table(out, Table.TERMS);
        assertEquals(terms.count(), fromDocs.count());
        long mismatches = terms.join(fromDocs, new String[] {"term", "n"}, "full_outer")
                .filter("total is null or total_count is null or total != total_count or docs != doc_count").count();
        assertEquals(0, mismatches);
    }

    /** Python-style slicing of the document text by a mention's code-point offsets gives the mention. */
    private void assertMentionsSliceTheirDocuments(Path out) {
        Map<String, String> texts = table(out, Table.DOCUMENTS).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("doc_id"), r -> r.getAs("text")));
        List<Row> mentions = table(out, Table.ENTITY_MENTIONS).collectAsList();
        assertTrue(mentions.size() > 30, "mentions: " + mentions.size());
        for (Row m : mentions) {
            String text = texts.get(m.<String>getAs("doc_id"));
            int begin = text.offsetByCodePoints(0, m.<Integer>getAs("begin"));
            int end = text.offsetByCodePoints(0, m.<Integer>getAs("end"));
            assertEquals(m.<String>getAs("text"), text.substring(begin, end));
        }
    }

    /** mention_count = Σ doc_entities.mentions = entity_mentions rows = Σ variants; doc_count = doc_entities rows. */
    private void assertEntityCountsReconcile(Path out) {
        table(out, Table.ENTITY_MENTIONS).createOrReplaceTempView("m");
        table(out, Table.DOC_ENTITIES).createOrReplaceTempView("d");
        table(out, Table.ENTITIES).createOrReplaceTempView("e");
        long bad = spark.sql("""
                SELECT e.entity_id FROM e
                JOIN (SELECT entity_id, count(*) AS n FROM m GROUP BY entity_id) mc USING (entity_id)
                JOIN (SELECT entity_id, sum(mentions) AS s, count(*) AS docs FROM d GROUP BY entity_id) dc USING (entity_id)
                WHERE e.mention_count != mc.n OR e.mention_count != dc.s OR e.doc_count != dc.docs
                   OR e.mention_count != aggregate(e.variants, 0L, (acc, v) -> acc + v.count)
                """).count();
        assertEquals(0, bad);
        assertEquals(spark.sql("SELECT count(DISTINCT entity_id) FROM m").first().getLong(0), table(out, Table.ENTITIES).count());
        double[] salienceSums = spark.sql("SELECT sum(salience) FROM d GROUP BY doc_id").collectAsList().stream()
                .mapToDouble(r -> r.getDouble(0)).toArray();
        for (double sum : salienceSums) {
            assertEquals(1.0, sum, 1e-9);
        }
    }

    /** DuckDB (not only Spark) reads every table, with the column types the schema promises. */
    private static void assertDuckDbReadsEveryTable(Path out) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (Table table : Table.values()) {
                String glob = out.resolve(table.folder()) + "/*.parquet";
                Map<String, String> types = new HashMap<>();
                try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
                    while (rs.next()) {
                        types.put(rs.getString("column_name"), rs.getString("column_type"));
                    }
                }
                Map<String, String> expected = new HashMap<>();
                for (var field : table.schema().fields()) {
                    expected.put(field.name(), switch (field.dataType().typeName()) {
                        case "string" -> "VARCHAR";
                        case "integer" -> "INTEGER";
                        case "long" -> "BIGINT";
                        case "double" -> "DOUBLE";
                        case "array" -> "STRUCT(\"text\" VARCHAR, count BIGINT)[]";
                        case "timestamp" -> "TIMESTAMP WITH TIME ZONE";
                        case "date" -> "DATE";
                        default -> field.dataType().typeName();
                    });
                }
                assertEquals(expected, types, table.folder());
            }
        }
    }

    private static Map<String, Row> byKey(Dataset<Row> data, String key) {
        return data.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(key), r -> r));
    }

    private static <T> Map<String, T> column(Map<String, Row> rows, String column) {
        return rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAs(column)));
    }
}
