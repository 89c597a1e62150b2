package dev.corpusstats.testing;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.job.CorpusStatsPipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * One real job output shared by the tests that only read it (report, notebook queries): the seed,
 * two short articles and an empty file, with the shipped configuration. Run once per test JVM.
 */
public final class SampleRun {
    public static final Path ROOT = Path.of("target", "sample-run");
    private static Path output;

    private SampleRun() {
    }

    public static synchronized Path output() {
        if (output == null) {
            try {
                Path in = ROOT.resolve("in");
                Files.createDirectories(in);
                Files.copy(TestFiles.seedFile(), in.resolve("000_9e75ee7642a235e9.txt"), StandardCopyOption.REPLACE_EXISTING);
                TestFiles.write(in, "london.txt",
                        "Prime Minister Theresa May met Angela Merkel in London. May said Britain and Germany agree on peace talks.");
                TestFiles.write(in, "kabul.txt",
                        "Hamid Karzai spoke in Kabul on Monday. Karzai said the Taliban must join peace talks.");
                TestFiles.write(in, "empty.txt", new byte[0]);
                Path out = ROOT.resolve("out");
                new CorpusStatsPipeline(TestSpark.session(), ConfigLoader.load(Path.of("conf/corpus-stats.yaml"),
                        Map.of("input.path", in.toString(), "output.path", out.toString()))).run();
                output = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }
}
