package dev.corpusstats.job;

import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage and configuration errors: exit code 2 and one readable line, before Spark starts. */
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
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("corpus-stats: ") && o.err().contains(expected), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void missingInputPath() {
        assertOneLineError(run("--input", dir.resolve("nothing-here").toString()), "input path not found");
        assertOneLineError(run("--input", dir.resolve("*.none").toString()), "input path not found");
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
