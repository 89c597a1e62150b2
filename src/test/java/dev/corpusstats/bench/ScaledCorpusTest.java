package dev.corpusstats.bench;

import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScaledCorpusTest {
    @TempDir
    Path dir;

    @Test
    void kCopiesWithDistinctIdsAndTexts() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "Kabul talks resumed. The council met. Elders spoke.");
        TestFiles.write(in, "b/b.txt", "One sentence only.");
        TestFiles.write(in, "c.txt", "Markets rose. Oil fell.");
        Path out = dir.resolve("out");
        assertEquals(12, ScaledCorpus.write(in, 4, out));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(12, files.size());
        Set<String> texts = new HashSet<>();
        for (Path f : files) {
            texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        assertEquals(12, texts.size(), "no two documents identical");
        assertEquals(Files.readString(in.resolve("a.txt")), Files.readString(out.resolve("copy-0/a.txt")), "copy 0 is the input");
        assertEquals(ScaledCorpus.write(in, 4, dir.resolve("again")), 12);
        assertEquals(Files.readString(out.resolve("copy-3/a.txt")), Files.readString(dir.resolve("again/copy-3/a.txt")),
                "deterministic");
    }
}
