package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.stats.AnalysisStore;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.OutputLock;
import dev.corpusstats.output.OutputLockedException;
import dev.corpusstats.output.OutputRefusedException;
import dev.corpusstats.output.RunOutput;
import dev.corpusstats.output.Table;
import dev.corpusstats.testing.TableComparison;
import dev.corpusstats.testing.TestFiles;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a scheduler runs the job: reruns give the same tables, each layout publishes only complete
 * output, a failed run leaves the published output alone, and an incremental run equals a full one.
 */
class ProductionRunsTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    private Manifest run(Path input, Path output, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.putIfAbsent("output.report", "false"); // the report has its own tests; these runs are about tables
        settings.put("input.path", input.toString());
        settings.put("output.path", output.toString());
        JobConfig config = ConfigLoader.load(null, settings);
        return new CorpusStatsPipeline(spark, config).run();
    }

    /** Four short news-like documents per batch, with people, places and organisations. */
    private static void writeBatch(Path in, String batch, int from) {
        for (int i = from; i < from + 4; i++) {
            TestFiles.write(in, batch + "/story-" + i + ".txt", story(i));
        }
    }

    private static String story(int i) {
        String[] people = {"Angela Merkel", "Barack Obama", "Hamid Karzai", "Theresa May", "Emmanuel Macron", "Xi Jinping"};
        String[] places = {"Berlin", "Washington", "Kabul", "London", "Paris", "Beijing"};
        String person = people[i % people.length];
        String place = places[(i + 1) % places.length];
        return person + " met officials of the United Nations in " + place
                + " on Monday. " + person.split(" ")[1] + " said the talks on trade and security went well.\n\n"
                + "Reporters in " + place + " asked about the economy. Story number " + i + " ends here.";
    }

    @Test
    void rerunningTheSameInputGivesTheSameTables() {
        Path in = dir.resolve("in");
        writeBatch(in, "a", 0);
        TestFiles.write(in, "a/copy.txt", TestFiles.seedText());
        TestFiles.write(in, "a/empty.txt", "");
        Path out = dir.resolve("out");
        Manifest first = run(in, out, Map.of());
        Path snapshot = TestFiles.copyTree(out, dir.resolve("snapshot"));

        // The same output root, run again: the published tables are replaced by equal ones.
        Manifest second = run(in, out, Map.of());
        TableComparison.assertSameTables(spark, snapshot, out);
        assertEquals(first.tables.keySet(), second.tables.keySet());
        assertEquals(second.runId, readManifest(out).runId);
        assertEquals(List.of(), list(out.resolve(RunOutput.ATTEMPTS)), "no attempt folder is left after a successful run");
        List<String> entries = new java.util.ArrayList<>(second.tables.keySet());
        entries.add(Manifest.FILE_NAME);
        entries.sort(null);
        assertEquals(entries, readManifest(out).publishedEntries, "the manifest lists what the run published");
    }

    /**
     * Hostile output roots: the input folder itself, and a folder holding the user's own entry named
     * like a table. The run is refused before it writes anything, and nothing is moved or deleted.
     */
    @Test
    void aRunIsRefusedWhereItWouldReplaceWhatItDidNotMake() throws Exception {
        Path in = dir.resolve("in");
        writeBatch(in, "a", 0);
        TestFiles.write(in, "documents/letter.txt", "a user's folder named like a table");
        assertThrows(OutputRefusedException.class, () -> run(in, in, Map.of()));
        assertThrows(OutputRefusedException.class, () -> run(in, in.resolve("stats"), Map.of()));
        assertEquals(List.of(in.resolve("a"), in.resolve("documents")), list(in), "nothing written into the input");

        Path out = dir.resolve("out");
        TestFiles.write(out, "documents/letter.txt", "a user's folder named like a table");
        OutputRefusedException refused = assertThrows(OutputRefusedException.class, () -> run(in, out, Map.of()));
        assertTrue(refused.getMessage().contains("documents"), refused.getMessage());
        assertEquals(List.of(out.resolve("documents")), list(out), "nothing written, not even an attempt folder");
        assertEquals(List.of(out.resolve("documents/letter.txt")), list(out.resolve("documents")));
    }

    /**
     * One run at a time: while another run holds the output root's lock, a run is turned away and
     * leaves that run's attempt alone; once the lock is free, the attempt is a dead run's and the
     * next run deletes it.
     */
    @Test
    void aRunWaitsForNoOtherAndCleansUpOnlyAfterDeadRuns() throws Exception {
        Path in = dir.resolve("in");
        writeBatch(in, "a", 0);
        Path out = dir.resolve("out");
        Path running = TestFiles.write(out.resolve(RunOutput.ATTEMPTS).resolve("running"), "terms/part-0.parquet", "being written");
        try (OutputLock lock = OutputLock.acquire(out.toString(), spark.sparkContext().hadoopConfiguration(), "running")) {
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> run(in, out, Map.of()));
            assertTrue(e.getMessage().contains("run running"), e.getMessage());
            assertEquals("being written", Files.readString(running));
            assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)));
        }
        Manifest next = run(in, out, Map.of());
        assertEquals(List.of("deleted the attempt of a killed run, running"), next.recovered);
        assertEquals(List.of(), list(out.resolve(RunOutput.ATTEMPTS)));
    }

    @Test
    void runsLayoutPublishesEachRunUnderItsNameAndPointsLatestAtTheLastPublished() throws Exception {
        Path in = dir.resolve("in");
        writeBatch(in, "a", 0);
        Path out = dir.resolve("out");
        run(in, out, Map.of("output.layout", "runs", "output.run_name", "2026-11-28"));
        writeBatch(in, "b", 4);
        Manifest second = run(in, out, Map.of("output.layout", "runs", "output.run_name", "2026-11-29"));

        assertEquals("runs/run=2026-11-29", Files.readString(out.resolve(RunOutput.LATEST)).strip());
        assertEquals(out.resolve("runs/run=2026-11-29").toString(), second.publishedTo);
        assertEquals(4L, spark.read().parquet(out.resolve("runs/run=2026-11-28/documents").toString()).count());
        assertEquals(8L, spark.read().parquet(out.resolve("runs/run=2026-11-29/documents").toString()).count());
        // DuckDB reads all runs as one table with a run column (hive partitioning); Spark by glob.
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT run, count(*) FROM read_parquet('" + out.resolve("runs")
                     + "/*/documents/*.parquet', hive_partitioning = true) GROUP BY run ORDER BY run")) {
            assertTrue(rs.next());
            assertEquals("2026-11-28", rs.getString(1));
            assertEquals(4L, rs.getLong(2));
            assertTrue(rs.next());
            assertEquals("2026-11-29", rs.getString(1));
            assertEquals(8L, rs.getLong(2));
        }
        assertEquals(12L, spark.read().parquet(out.resolve("runs") + "/run=*/documents").count());
        assertFalse(Files.exists(out.resolve(Table.DOCUMENTS.folder())), "nothing at the root in the runs layout");

        // Rerunning (or backfilling) an earlier date replaces that run, and only that one.
        run(in, out, Map.of("output.layout", "runs", "output.run_name", "2026-11-28"));
        assertEquals(8L, spark.read().parquet(out.resolve("runs/run=2026-11-28/documents").toString()).count());
        assertEquals(8L, spark.read().parquet(out.resolve("runs/run=2026-11-29/documents").toString()).count());
        assertEquals("runs/run=2026-11-28", Files.readString(out.resolve(RunOutput.LATEST)).strip(),
                "LATEST names the run published last");
    }

    @Test
    void aFailedRunLeavesThePublishedOutputAndKeepsOnlyItsManifest() throws Exception {
        Path in = dir.resolve("in");
        writeBatch(in, "a", 0);
        Path out = dir.resolve("out");
        Manifest good = run(in, out, Map.of());
        Path snapshot = TestFiles.copyTree(out, dir.resolve("snapshot"));

        writeBatch(in, "b", 4);
        assertThrows(Exception.class, () -> run(in, out, Map.of("entities.model", "no/such/model.ser.gz")));

        assertEquals(good.runId, readManifest(out).runId, "the published manifest is the good run's");
        TableComparison.assertSameTables(spark, out, snapshot);
        List<Path> attempts = list(out.resolve(RunOutput.ATTEMPTS));
        assertEquals(1, attempts.size());
        assertEquals(List.of(attempts.get(0).resolve(Manifest.FILE_NAME)), list(attempts.get(0)), "only the manifest is kept");
        Manifest failed = Manifest.read(attempts.get(0).toString(), spark.sparkContext().hadoopConfiguration());
        assertEquals("failed", failed.status);
        assertTrue(failed.error.contains("no/such/model"), failed.error);
        assertNull(failed.publishedTo);
    }

    /**
     * A full run on A ∪ B equals an incremental run on A ∪ B after one on A, table by table: the
     * documents are dated and faceted by their folders, so the trend, burst and facet tables are
     * compared too.
     */
    @Test
    void incrementalRunEqualsAFullRun() {
        Path in = dir.resolve("in");
        Map<String, String> dated = Map.of("input.path_pattern", "{batch}/{date:yyyy-MM-dd}/*", "trends.period", "day",
                "trends.min_doc_count", "2", "facets.min_doc_count", "1",
                // eight days of one or two stories: a cheap entry lets a name's one-story days burst
                "bursts.gamma", "0.1");
        writeDatedBatch(in, "a", 0);
        TestFiles.write(in, "a/seed.txt", TestFiles.seedText()); // the pattern does not match it: undated
        Path incremental = dir.resolve("incremental");
        Manifest onA = run(in, incremental, with(dated, "output.incremental", "true"));
        assertEquals(5L, onA.incremental.get("documents_analyzed"));
        assertNull(onA.incremental.get("previous"));

        writeDatedBatch(in, "b", 4);
        TestFiles.write(in, "a/2026-03-02/story-1.txt", "Changed text: Theresa May spoke in London about Brexit.");
        Manifest onAB = run(in, incremental, with(dated, "output.incremental", "true"));
        assertEquals(5L, ((Number) onAB.incremental.get("documents_analyzed")).longValue(), "4 new + 1 changed");
        assertEquals(4L, ((Number) onAB.incremental.get("documents_reused")).longValue());
        assertEquals(incremental.toString(), onAB.incremental.get("previous"));

        Path full = dir.resolve("full");
        run(in, full, dated);
        TableComparison.assertSameTables(spark, full, incremental);
        assertTrue(Files.isDirectory(incremental.resolve(AnalysisStore.FOLDER)));
        for (Table table : List.of(Table.DOC_FACETS, Table.PERIODS, Table.TERM_TRENDS, Table.ENTITY_TRENDS, Table.BURSTS,
                Table.FACET_TERMS, Table.FACET_ENTITIES)) {
            assertTrue(onAB.tables.get(table.folder()).rows() > 0, table.folder() + " has rows to compare");
        }

        // Deleted inputs leave the statistics; the stored analyses shrink with them.
        TestFiles.write(in, "a/2026-03-03/story-2.txt", "");
        deleteTree(in.resolve("b"));
        Manifest afterDelete = run(in, incremental, with(dated, "output.incremental", "true"));
        assertEquals(0L, ((Number) afterDelete.incremental.get("documents_analyzed")).longValue());
        Path fullAfterDelete = dir.resolve("full-after-delete");
        run(in, fullAfterDelete, dated);
        TableComparison.assertSameTables(spark, fullAfterDelete, incremental);
        assertEquals(4L, spark.read().parquet(incremental.resolve(AnalysisStore.FOLDER).toString()).count());

        // Other analysis settings: nothing is reused.
        Manifest otherSettings = run(in, incremental, Map.of("output.incremental", "true", "terms.max_n", "2"));
        assertEquals(0L, ((Number) otherSettings.incremental.get("documents_reused")).longValue());
    }

    /**
     * {@link #writeBatch}'s stories in dated folders, {@code BATCH/2026-03-DD/story-I.txt}: one a
     * day, and story 5 (in B) on story 1's day, so that days and the burst of a name span batches.
     */
    private static void writeDatedBatch(Path in, String batch, int from) {
        for (int i = from; i < from + 4; i++) {
            int day = i == 5 ? 2 : i + 1;
            TestFiles.write(in, batch + "/2026-03-0" + day + "/story-" + i + ".txt", story(i));
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(key, value);
        return all;
    }

    private Manifest readManifest(Path out) {
        try {
            return Manifest.read(out.toString(), spark.sparkContext().hadoopConfiguration());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (var s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
