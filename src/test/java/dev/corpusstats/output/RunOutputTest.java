package dev.corpusstats.output;

import dev.corpusstats.config.OutputLayout;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Publishing and recovery on the local filesystem, without Spark: folders stand in for tables. */
class RunOutputTest {
    private final Configuration conf = new Configuration();

    @TempDir
    Path dir;

    private RunOutput output(String layout, String runId, String runName) {
        return new RunOutput(dir.toString(), OutputLayout.valueOf(layout.toUpperCase(Locale.ROOT)), runId, runName, conf);
    }

    private static void table(Path folder, String content) {
        TestFiles.write(folder, "part-0.parquet", content);
    }

    private static String content(Path folder) throws Exception {
        return Files.readString(folder.resolve("part-0.parquet"));
    }

    /** Killed after two of four entries were moved: the next run finishes the publish, losing nothing. */
    @Test
    void anInterruptedOverwritePublishIsFinishedWithoutLosingWhatWasMoved() throws Exception {
        table(dir.resolve("terms"), "old");
        table(dir.resolve("documents"), "old");
        table(dir.resolve("report.html"), "old report, not produced by the new run");
        TestFiles.write(dir, Manifest.FILE_NAME, "{\"run_id\": \"old\"}");
        Path attempt = dir.resolve(RunOutput.ATTEMPTS).resolve("killed");
        table(attempt.resolve("terms"), "new");
        TestFiles.write(attempt, Manifest.FILE_NAME, "{\"run_id\": \"killed\"}");
        TestFiles.write(attempt, RunOutput.PUBLISHING, String.join("\n", "_state", "documents", "terms", Manifest.FILE_NAME));
        table(dir.resolve("_state"), "new"); // moved before the kill
        Files.move(dir.resolve("documents"), Files.createDirectories(dir.resolve(RunOutput.ATTEMPTS).resolve("killed-previous"))
                .resolve("documents"));
        table(dir.resolve("documents"), "new"); // moved before the kill

        List<String> recovered = output("overwrite", "next", null).recover();

        assertEquals(List.of("finished the interrupted publish of killed"), recovered);
        assertEquals("new", content(dir.resolve("terms")));
        assertEquals("new", content(dir.resolve("documents")));
        assertEquals("new", content(dir.resolve("_state")));
        assertTrue(Files.readString(dir.resolve(Manifest.FILE_NAME)).contains("killed"));
        assertTrue(Files.notExists(dir.resolve("report.html")), "the previous run's extra entry is gone");
        try (var attempts = Files.list(dir.resolve(RunOutput.ATTEMPTS))) {
            assertEquals(List.of(), attempts.toList());
        }
    }

    @Test
    void aRunMovedAsideByAnInterruptedRerunIsRestored() throws Exception {
        Path replaced = dir.resolve(RunOutput.ATTEMPTS).resolve("rerun" + RunOutput.REPLACED);
        table(replaced.resolve("terms"), "day one");
        Manifest m = new Manifest();
        m.runId = "first";
        m.runName = "2026-11-28";
        m.write(replaced.toString(), conf);

        List<String> recovered = output("runs", "next", "2026-11-29").recover();

        assertEquals(1, recovered.size(), recovered.toString());
        assertEquals("day one", content(dir.resolve("runs/run=2026-11-28/terms")));
    }

    /** LATEST names the run published last: names need not sort by time. */
    @Test
    void latestNamesTheRunPublishedLast() throws Exception {
        table(dir.resolve(RunOutput.ATTEMPTS).resolve("a").resolve("terms"), "default name");
        output("runs", "a", "20261129T014730Z").publish(); // a run without --run-name
        table(dir.resolve(RunOutput.ATTEMPTS).resolve("b").resolve("terms"), "named");
        output("runs", "b", "2026-12-01").publish();
        assertEquals("runs/run=2026-12-01", Files.readString(dir.resolve(RunOutput.LATEST)).strip());

        table(dir.resolve(RunOutput.ATTEMPTS).resolve("c").resolve("terms"), "backfill");
        output("runs", "c", "2026-11-01").publish();
        assertEquals("runs/run=2026-11-01", Files.readString(dir.resolve(RunOutput.LATEST)).strip());
        assertEquals("default name", content(dir.resolve("runs/run=20261129T014730Z/terms")));
        assertEquals("named", content(dir.resolve("runs/run=2026-12-01/terms")));
    }

    /** An attempt folder ready to publish: a table and its manifest, listing what it publishes. */
    private RunOutput attempt(String layout, String runId, String runName, String... tables) throws Exception {
        RunOutput output = output(layout, runId, runName);
        Path attempt = Path.of(output.attemptDir());
        for (String t : tables) {
            table(attempt.resolve(t), runId);
        }
        Manifest m = new Manifest();
        m.runId = runId;
        m.runName = runName;
        m.status = "succeeded";
        m.publishedEntries = output.entries(List.of(Manifest.FILE_NAME));
        m.write(attempt.toString(), conf);
        return output;
    }

    private static String refusal(Runnable publishStep) {
        return assertThrows(OutputRefusedException.class, publishStep::run).getMessage();
    }

    /** A folder of the user's named like a table: the run is refused and the publish moves nothing. */
    @Test
    void aRootEntryTheJobDidNotMakeIsNeverReplaced() throws Exception {
        table(dir.resolve("documents"), "the user's own");
        RunOutput output = attempt("overwrite", "run1", "r", "documents", "terms");

        String message = refusal(output::requireOwnEntries);
        assertTrue(message.contains("documents") && message.contains(dir.toString()), message);
        assertFalse(message.contains("terms"), message);
        refusal(output::publish); // even if asked to: the publish checks before it moves anything
        assertEquals("the user's own", content(dir.resolve("documents")));
        assertTrue(Files.exists(Path.of(output.attemptDir(), "terms")), "nothing was moved");
        assertFalse(Files.exists(dir.resolve("terms")));
    }

    @Test
    void aRunReplacesWhatItsManifestListsAndNothingElse() throws Exception {
        attempt("overwrite", "run1", "r", "documents", "terms").publish();
        Manifest first = Manifest.read(dir.toString(), conf);
        assertEquals(List.of(Manifest.FILE_NAME, "documents", "terms"), first.publishedEntries);
        TestFiles.write(dir, "notes.txt", "not a name the job publishes");
        RunOutput second = attempt("overwrite", "run2", "r", "terms"); // documents now stale
        second.requireOwnEntries();
        second.publish();
        assertEquals("run2", content(dir.resolve("terms")));
        assertTrue(Files.notExists(dir.resolve("documents")), "the previous run's entry this run does not publish");
        assertEquals("not a name the job publishes", Files.readString(dir.resolve("notes.txt")));

        TestFiles.write(dir, ReportWriter.FILE_NAME, "the user's page, not listed by the manifest");
        String message = refusal(attempt("overwrite", "run3", "r", "terms")::requireOwnEntries);
        assertTrue(message.contains(ReportWriter.FILE_NAME), message);
    }

    /** A manifest written before published_entries existed vouches for the names the job publishes. */
    @Test
    void aManifestWithoutTheListStandsForTheJobsNames() throws Exception {
        table(dir.resolve("documents"), "old");
        TestFiles.write(dir, ReportWriter.FILE_NAME, "old report");
        TestFiles.write(dir, Manifest.FILE_NAME, "{\"run_id\": \"old\", \"status\": \"succeeded\"}");
        RunOutput output = attempt("overwrite", "run1", "r", "documents");
        output.requireOwnEntries();
        output.publish();
        assertEquals("run1", content(dir.resolve("documents")));
        assertTrue(Files.notExists(dir.resolve(ReportWriter.FILE_NAME)));
    }

    @Test
    void aManifestThatIsNotARunsVouchesForNothing() throws Exception {
        table(dir.resolve("terms"), "someone else's");
        TestFiles.write(dir, Manifest.FILE_NAME, "{\"name\": \"another tool\"}");
        String message = refusal(attempt("overwrite", "run1", "r", "terms")::requireOwnEntries);
        assertTrue(message.contains("terms") && message.contains(Manifest.FILE_NAME), message);

        TestFiles.write(dir, Manifest.FILE_NAME, "not json");
        refusal(attempt("overwrite", "run2", "r", "terms")::requireOwnEntries);
        assertEquals("someone else's", content(dir.resolve("terms")));
    }

    /** While a publish is interrupted, the entries it already moved are the job's, not the user's. */
    @Test
    void entriesAnInterruptedPublishMovedAreTheJobs() throws Exception {
        RunOutput killed = attempt("overwrite", "killed", "r", "documents", "terms");
        Path attempt = Path.of(killed.attemptDir());
        TestFiles.write(attempt, RunOutput.PUBLISHING, String.join("\n", "documents", "terms", Manifest.FILE_NAME));
        Files.move(attempt.resolve("documents"), dir.resolve("documents")); // moved before the kill

        RunOutput next = output("overwrite", "next", null);
        next.requireOwnEntries();
        assertEquals(List.of("finished the interrupted publish of killed"), next.recover());
        assertEquals("killed", content(dir.resolve("terms")));
    }

    @Test
    void aRunsFolderWithoutAManifestIsNeverReplaced() throws Exception {
        table(dir.resolve("runs/run=2026-11-29/terms"), "copied in by hand");
        RunOutput output = attempt("runs", "run1", "2026-11-29", "terms");
        String message = refusal(output::requireOwnEntries);
        assertTrue(message.contains("runs/run=2026-11-29"), message);
        refusal(output::publish);
        assertEquals("copied in by hand", content(dir.resolve("runs/run=2026-11-29/terms")));

        attempt("runs", "run2", "2026-11-30", "terms").publish();
        RunOutput rerun = attempt("runs", "run3", "2026-11-30", "terms");
        rerun.requireOwnEntries(); // a run of the job is there: a rerun replaces it
        rerun.publish();
        assertEquals("run3", content(dir.resolve("runs/run=2026-11-30/terms")));
    }

    @Test
    void aLatestThatIsNotThePointerIsRefused() throws Exception {
        TestFiles.write(dir, RunOutput.LATEST, "release notes, not a pointer\n");
        String message = refusal(attempt("runs", "run1", "2026-11-29", "terms")::requireOwnEntries);
        assertTrue(message.contains(RunOutput.LATEST), message);
    }
}
