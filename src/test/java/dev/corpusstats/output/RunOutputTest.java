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
}
