package dev.corpusstats.job;

import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.OutputLock;
import dev.corpusstats.output.RunOutput;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Usage and configuration errors and an unsafe output (exit code 2), a missing input (exit code
 * 3) and a locked output root (exit code 4): one readable line, before Spark starts.
 */
class CorpusStatsJobTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CorpusStatsJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Outcome o, String expected) {
        assertOneLineError(o, 2, expected);
    }

    private static void assertOneLineError(Outcome o, int code, String expected) {
        assertEquals(code, o.code(), o.err());
        assertTrue(o.err().startsWith("corpus-stats: ") && o.err().contains(expected), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void missingInputPathExitsWith3AndRecordsAFailedManifest() throws Exception {
        Path out = dir.resolve("out");
        assertOneLineError(run("--input", dir.resolve("nothing-here").toString(), "--output", out.toString()), 3,
                "input path not found");
        assertOneLineError(run("--input", dir.resolve("*.none").toString(), "--output", out.toString()), 3,
                "input path not found");
        try (var attempts = Files.list(out.resolve(RunOutput.ATTEMPTS))) {
            List<Path> manifests = attempts.map(a -> a.resolve(Manifest.FILE_NAME)).toList();
            assertEquals(2, manifests.size());
            for (Path m : manifests) {
                String json = Files.readString(m);
                assertTrue(json.contains("\"status\" : \"failed\"") && json.contains("input path not found"), json);
            }
        }
        assertFalse(Files.exists(out.resolve(Manifest.FILE_NAME)), "nothing is published");
    }

    /** Output equal to, inside or containing the input: refused before anything is read or written. */
    @Test
    void anOutputOverlappingTheInputExitsWith2AndTouchesNothing() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "story.txt", "Angela Merkel met officials in Berlin.");
        TestFiles.write(in, "documents/letter.txt", "a user's folder named like a table");
        Path outer = dir.resolve("outer");
        Path nested = TestFiles.write(outer, "corpus/story.txt", "Theresa May spoke in London.").getParent();
        Map<Path, String> before = tree(dir);

        for (String[] paths : new String[][] {{in.toString(), in.toString()}, {in.toString(), in.resolve("out").toString()},
                {in + "/*.txt", in.toString()}, {nested.toString(), outer.toString()}}) {
            Outcome o = run("--input", paths[0], "--output", paths[1]);
            assertOneLineError(o, "the input");
            assertTrue(o.err().contains(paths[0]) && o.err().contains(paths[1]), o.err());
        }
        assertEquals(before, tree(dir), "nothing written, moved or deleted");
    }

    /** An output root holding a folder the job did not make, named like a table: refused, untouched. */
    @Test
    void anOutputHoldingAUsersEntryNamedLikeATableExitsWith2() throws Exception {
        Path in = TestFiles.write(dir.resolve("in"), "story.txt", "Angela Merkel met officials in Berlin.").getParent();
        Path out = dir.resolve("out");
        TestFiles.write(out, "documents/letter.txt", "a user's folder");
        TestFiles.write(out, "report.html", "a user's page");
        Map<Path, String> before = tree(dir);
        assertOneLineError(run("--input", in.toString(), "--output", out.toString()), "holds documents, report.html");
        assertEquals(before, tree(dir));

        TestFiles.write(out, "runs/run=2026-11-29/notes.txt", "a folder copied in by hand");
        before = tree(dir);
        assertOneLineError(run("--input", in.toString(), "--output", out.toString(), "--layout", "runs", "--run-name", "2026-11-29"),
                "holds runs/run=2026-11-29");
        assertEquals(before, tree(dir));
    }

    /** A second run while the first holds the lock: exit 4, the first run's attempt untouched, nothing written. */
    @Test
    void aSecondRunWhileTheFirstHoldsTheLockExitsWith4() throws Exception {
        Path in = TestFiles.write(dir.resolve("in"), "story.txt", "Angela Merkel met officials in Berlin.").getParent();
        Path out = dir.resolve("out");
        TestFiles.write(out.resolve(RunOutput.ATTEMPTS).resolve("first-run"), "terms/part-0.parquet", "being written");
        try (OutputLock first = OutputLock.acquire(out.toString(), new Configuration(), "first-run")) {
            Map<Path, String> before = tree(dir);
            Outcome o = run("--input", in.toString(), "--output", out.toString());
            assertOneLineError(o, CorpusStatsJob.OUTPUT_LOCKED, out.resolve(OutputLock.FILE_NAME).toString());
            assertTrue(o.err().contains("run first-run") && o.err().contains("pid " + ProcessHandle.current().pid()), o.err());
            assertEquals(before, tree(dir), "the running run's attempt untouched, no manifest written");
        }
    }

    /** Every file under a folder with its content. */
    private static Map<Path, String> tree(Path root) throws Exception {
        Map<Path, String> files = new TreeMap<>();
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                files.put(root.relativize(p), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void corruptConfigurationExitsWith2() {
        Path conf = TestFiles.write(dir, "corrupt.yaml", "input:\n  path: [unclosed\n  format: text\n");
        assertOneLineError(run("--conf", conf.toString()), "is not valid YAML");
        Path binary = TestFiles.write(dir, "binary.yaml", "\u0000\u0001\u0002");
        assertEquals(2, run("--conf", binary.toString()).code());
        assertOneLineError(run("--set", "output.layout=sideways"), "output.layout");
        assertOneLineError(run("--run-name", "../escape"), "output.run_name");
    }

    @Test
    void unknownKeyAndBadValue() {
        Path conf = TestFiles.write(dir, "bad.yaml", "terms:\n  max_n: 2\n  stopwords: x\n");
        assertOneLineError(run("--conf", conf.toString()), "unknown configuration key 'terms.stopwords'");
        assertOneLineError(run("--set", "terms.max_n=abc"), "bad value for 'terms.max_n'");
        assertOneLineError(run("--bogus"), "unknown option '--bogus'");
    }

    @Test
    void helpPrintsUsage() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("usage: corpus-stats"));
    }
}
