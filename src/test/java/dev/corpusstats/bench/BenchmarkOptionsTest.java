package dev.corpusstats.bench;

import dev.corpusstats.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The benchmark's command line: each mistake is one readable line naming the option, as for the job. */
class BenchmarkOptionsTest {
    @TempDir
    Path dir;

    @Test
    void optionsAndDefaults() {
        Benchmark.Options o = Benchmark.Options.parse(List.of("--input", dir.toString(), "--scale", "4", "--report", "r.json"));
        assertEquals(dir, o.input());
        assertEquals(4, o.scale());
        assertEquals(Path.of("r.json"), o.report());
        assertEquals(Path.of("conf/corpus-stats.yaml"), o.conf());
        assertEquals(1, Benchmark.Options.parse(List.of("--input", dir.toString())).scale());
    }

    @Test
    void mistakesAreOneLineEach() {
        assertMessage("option --scale needs a value", "--input", dir.toString(), "--scale");
        assertMessage("option --scale needs a whole number of at least 1, got 'four'", "--input", dir.toString(), "--scale", "four");
        assertMessage("option --scale needs a whole number of at least 1, got '0'", "--input", dir.toString(), "--scale", "0");
        assertMessage("option --input needs a value", "--input", "--scale", "2");
        assertMessage("unknown option --scal", "--input", dir.toString(), "--scal", "2");
        assertMessage("--input must be a folder of text files", "--scale", "2");
        assertMessage("--input must be a folder of text files: " + dir.resolve("none"), "--input", dir.resolve("none").toString());
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(ConfigException.class, () -> Benchmark.Options.parse(List.of(args))).getMessage());
    }
}
