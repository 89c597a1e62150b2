package dev.corpusstats.job;

import dev.corpusstats.output.OutputRefusedException;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which outputs overlap the input: local paths with links and globs, and remote URIs. */
class OverlapCheckTest {
    private final Configuration conf = new Configuration();

    @TempDir
    Path dir;

    private void refused(String input, String output) {
        OutputRefusedException e = assertThrows(OutputRefusedException.class,
                () -> OverlapCheck.requireApart(input, output, conf), input + " / " + output);
        assertTrue(e.getMessage().contains(input) && e.getMessage().contains(output), e.getMessage());
    }

    private void apart(String input, String output) {
        assertDoesNotThrow(() -> OverlapCheck.requireApart(input, output, conf), input + " / " + output);
    }

    @Test
    void localFolders() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "text");
        refused(in.toString(), in.toString());
        refused(in.toString(), in + "/");
        refused(in.toString(), dir.resolve("in/../in").toString());
        refused(in.toString(), in.resolve("out").toString());
        refused(in.toString(), in.resolve("not/yet/there").toString());
        refused(in.toString(), dir.toString());
        refused(in.toString(), "file://" + in);
        refused(in.resolve("sub").toString(), in.toString()); // an input not there yet still lies inside
        apart(in.toString(), dir.resolve("out").toString());
        apart(in.toString(), dir.resolve("in-out").toString()); // a shared prefix, not a parent
        apart(in.toString(), dir.resolve("in/../out").toString());
    }

    @Test
    void relativePathsAreComparedAbsolute() {
        apart("seeds", "target/overlap-check-out");
        refused("seeds", ".");
        refused("seeds", "seeds/out");
        refused("./seeds", Path.of("seeds").toAbsolutePath().toString());
    }

    @Test
    void linksAreFollowed() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "text");
        Path link = Files.createSymbolicLink(dir.resolve("out"), in);
        refused(in.toString(), link.toString());
        refused(link.toString(), in.resolve("out").toString());
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), in.resolve("missing"));
        refused(in.toString(), dangling.toString()); // the output would be created inside the input
        Path elsewhere = Files.createSymbolicLink(dir.resolve("elsewhere"), Files.createDirectories(dir.resolve("real-out")));
        apart(in.toString(), elsewhere.toString());
    }

    @Test
    void aGlobIsComparedByItsFolderAndAFileAsItself() throws Exception {
        Path in = dir.resolve("in");
        Path file = TestFiles.write(in, "corpus.jsonl", "{}");
        refused(in + "/*.txt", in.resolve("out").toString());
        refused(in + "/20*/part-?.txt", in.resolve("out").toString());
        refused(in + "/*.txt", in.toString());
        apart(in + "/*.txt", dir.resolve("out").toString());
        apart(file.toString(), in.resolve("out").toString()); // beside the input file
        refused(file.toString(), file.toString());
        refused(file.toString(), in.toString());
    }

    @Test
    void remoteUris() {
        refused("hdfs://nn:8020/news/corpus", "hdfs://nn:8020/news/corpus");
        refused("hdfs://nn:8020/news/corpus", "hdfs://NN:8020/news/corpus/stats");
        refused("hdfs://nn:8020/news/corpus/*.txt", "hdfs://nn:8020/news/corpus/stats");
        refused("s3a://bucket/news", "s3a://bucket/");
        apart("hdfs://nn:8020/news/corpus", "hdfs://nn:8020/news/corpus-stats");
        apart("hdfs://nn:8020/news/corpus", "hdfs://other:8020/news/corpus/stats");
        apart("s3a://bucket/news", "s3a://other-bucket/news");
        apart("hdfs://nn:8020/news", "file:///news/stats");
        apart("s3a://bucket/news", dir.resolve("news").toString());
    }
}
