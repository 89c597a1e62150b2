package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The listing of hostile local folders: FIFOs, devices and links. A regression here tends to hang
 * (a FIFO opened, a link cycle followed), hence the time bound on a separate thread.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputListerTest {
    private static final String READ = "read";

    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    private InputLister.Listing list(Path input) {
        return list(input.toString());
    }

    private InputLister.Listing list(String input) {
        return InputLister.list(input, InputFormat.AUTO, conf);
    }

    /** Relative path -> reject reason code, or "read"; fails if a path is listed twice. */
    private static Map<String, String> outcomes(InputLister.Listing listing) {
        Map<String, String> outcomes = new TreeMap<>();
        Set<String> paths = new HashSet<>();
        for (InputFile f : listing.files()) {
            assertTrue(paths.add(f.path()), "listed twice: " + f.path());
            outcomes.put(f.relativePath(), f.rejectReason() == null ? READ : f.rejectReason().code());
        }
        return outcomes;
    }

    private static InputFile entry(InputLister.Listing listing, String relativePath) {
        return listing.files().stream().filter(f -> f.relativePath().equals(relativePath)).findFirst()
                .orElseThrow(() -> new AssertionError("not listed: " + relativePath));
    }

    private static void link(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(target));
    }

    private static void mkfifo(Path fifo) throws Exception {
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
    }

    @Test
    void regularFilesAreReadAndKeepHadoopsPathForm() {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "A.");
        TestFiles.write(in, "sub/b.jsonl", "{}");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("a.txt", READ, "sub/b.jsonl", READ), outcomes(listing));
        InputFile b = entry(listing, "sub/b.jsonl");
        assertEquals("file:" + in.toAbsolutePath() + "/sub/b.jsonl", b.path());
        assertEquals(InputFormat.JSONL, b.format());
        assertEquals(2, b.length());
        assertEquals(0, listing.skippedHidden());
    }

    @Test
    void fifoIsRejectedAndNeverOpened() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "good.txt", "Good.");
        mkfifo(in.resolve("pipe.txt"));
        link(in.resolve("to-pipe.jsonl"), "pipe.txt");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("good.txt", READ, "pipe.txt", "not_a_file", "to-pipe.jsonl", "not_a_file"), outcomes(listing));
        assertTrue(entry(listing, "pipe.txt").rejectDetail().contains("FIFO"), entry(listing, "pipe.txt").rejectDetail());
        assertTrue(entry(listing, "to-pipe.jsonl").rejectDetail().startsWith("a link to a FIFO"));
        readerRejectsWithoutOpening(listing);
    }

    @Test
    void inputThatIsAFifoFailsFastOrIsARejectButNeverBlocks() throws Exception {
        Path fifo = dir.resolve("pipe.txt");
        mkfifo(fifo);
        InputMissingException e = assertThrows(InputMissingException.class, () -> InputLister.requireMatches(fifo.toString(), conf));
        assertTrue(e.getMessage().contains("is a FIFO (named pipe), not a regular file or folder"), e.getMessage());
        assertEquals(Map.of("pipe.txt", "not_a_file"), outcomes(list(fifo)));
    }

    @Test
    void linksToEndlessDevicesAreRejected() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.exists(Path.of("/dev/null")));
        Path in = dir.resolve("in");
        link(in.resolve("zero.jsonl"), "/dev/zero");
        link(in.resolve("null.txt"), "/dev/null");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("zero.jsonl", "not_a_file", "null.txt", "not_a_file"), outcomes(listing));
        assertEquals("a link to a character device (/dev/zero), neither a regular file nor a folder: not opened",
                entry(listing, "zero.jsonl").rejectDetail());
        readerRejectsWithoutOpening(listing);
        InputMissingException e = assertThrows(InputMissingException.class,
                () -> InputLister.requireMatches(in.resolve("zero.jsonl").toString(), conf));
        assertTrue(e.getMessage().contains("character device"), e.getMessage());
    }

    @Test
    void danglingLinkIsARejectNamingItsTarget() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "good.txt", "Good.");
        link(in.resolve("gone.txt"), "missing.txt");
        link(in.resolve("gone-dir"), "/no/such/folder");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("good.txt", READ, "gone.txt", "dangling_link", "gone-dir", "dangling_link"), outcomes(listing));
        assertEquals("links to missing.txt (" + in.toAbsolutePath().resolve("missing.txt") + "), which does not exist",
                entry(listing, "gone.txt").rejectDetail());
        assertEquals("links to /no/such/folder, which does not exist", entry(listing, "gone-dir").rejectDetail());
        readerRejectsWithoutOpening(listing);
    }

    @Test
    void inputThatIsADanglingLinkOrMissingFailsFast() throws Exception {
        Path gone = dir.resolve("gone");
        link(gone, "nowhere");
        InputMissingException e = assertThrows(InputMissingException.class, () -> InputLister.requireMatches(gone.toString(), conf));
        assertEquals("input path is a dangling link: " + gone + " -> nowhere, which does not exist", e.getMessage());
        assertEquals(e.getMessage(), assertThrows(InputMissingException.class, () -> list(gone)).getMessage());

        String missing = dir.resolve("missing").toString();
        e = assertThrows(InputMissingException.class, () -> InputLister.requireMatches(missing, conf));
        assertEquals("input path not found: " + missing, e.getMessage());
        assertThrows(InputMissingException.class, () -> list(missing));
    }

    @Test
    void folderLinkingToItselfIsACycleAndItsFilesAreListedOnce() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a/one.txt", "One.");
        link(in.resolve("a/self"), ".");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("a/one.txt", READ, "a/self", "symlink_cycle"), outcomes(listing));
        assertEquals("links to " + in.resolve("a").toRealPath() + ", a folder it is inside", entry(listing, "a/self").rejectDetail());
    }

    @Test
    void twoLinksToTheirParentAreCycles() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "top.txt", "Top.");
        TestFiles.write(in, "d/inner.txt", "Inner.");
        link(in.resolve("d/up1"), "..");
        link(in.resolve("d/up2"), "..");
        link(in.resolve("d/root"), in.toAbsolutePath().toString());

        assertEquals(Map.of("top.txt", READ, "d/inner.txt", READ, "d/up1", "symlink_cycle", "d/up2", "symlink_cycle",
                "d/root", "symlink_cycle"), outcomes(list(in)));
    }

    @Test
    void loopOfLinksIsACycle() throws Exception {
        Path in = dir.resolve("in");
        link(in.resolve("x"), "y");
        link(in.resolve("y"), "x");

        assertEquals(Map.of("x", "symlink_cycle", "y", "symlink_cycle"), outcomes(list(in)));
    }

    @Test
    void twoLinksToOneFolderListItOnce() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(dir, "common/s.txt", "Shared.");
        link(in.resolve("l1"), dir.resolve("common").toString());
        link(in.resolve("l2"), "../common");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("l1/s.txt", READ, "l2", "duplicate_path"), outcomes(listing));
        assertEquals("the same folder as file:" + in.toAbsolutePath() + "/l1", entry(listing, "l2").rejectDetail());
    }

    @Test
    void realPathWinsOverALinkWhateverTheNamesOrder() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "z/real.txt", "Real.");
        link(in.resolve("a-link.txt"), "z/real.txt");
        link(in.resolve("a-dir"), "z");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("z/real.txt", READ, "a-link.txt", "duplicate_path", "a-dir", "duplicate_path"), outcomes(listing));
        assertEquals("the same file as file:" + in.toAbsolutePath() + "/z/real.txt", entry(listing, "a-link.txt").rejectDetail());
        assertEquals("the same folder as file:" + in.toAbsolutePath() + "/z", entry(listing, "a-dir").rejectDetail());
    }

    @Test
    void linksOutsideTheRootAreFollowedUnderTheLinksPath() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(dir, "elsewhere/corpus/x.txt", "X.");
        TestFiles.write(dir, "elsewhere/corpus/deeper/y.txt", "Y.");
        TestFiles.write(dir, "elsewhere/single.txt", "Single.");
        link(in.resolve("ext"), dir.resolve("elsewhere/corpus").toString());
        link(in.resolve("one.txt"), "../elsewhere/single.txt");
        link(in.resolve("again.txt"), "../elsewhere/single.txt");
        InputLister.Listing listing = list(in);

        // Two links to one outside file, neither a path without links: the first by name is listed.
        assertEquals(Map.of("ext/x.txt", READ, "ext/deeper/y.txt", READ, "again.txt", READ, "one.txt", "duplicate_path"),
                outcomes(listing));
        assertEquals("file:" + in.toAbsolutePath() + "/ext/deeper/y.txt", entry(listing, "ext/deeper/y.txt").path());
        assertEquals(7, entry(listing, "again.txt").length());
        assertEquals("the same file as file:" + in.toAbsolutePath() + "/again.txt", entry(listing, "one.txt").rejectDetail());
    }

    @Test
    void inputThatIsALinkToAFolderIsWalked() throws Exception {
        TestFiles.write(dir, "real/a.txt", "A.");
        Path in = dir.resolve("in");
        link(in, "real");
        InputLister.requireMatches(in.toString(), conf);

        InputLister.Listing listing = list(in);
        assertEquals(Map.of("a.txt", READ), outcomes(listing));
        assertEquals("file:" + in.toAbsolutePath() + "/a.txt", listing.files().get(0).path());
    }

    @Test
    void hiddenFilesAndFoldersAreSkippedAndCountedOnce() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "good.txt", "Good.");
        TestFiles.write(in, "_SUCCESS", "");
        TestFiles.write(in, ".good.txt.swp", "x");
        TestFiles.write(in, ".git/objects/1", "x");
        TestFiles.write(in, ".git/objects/2", "x");
        TestFiles.write(in, "sub/_temporary/0/part", "x");
        TestFiles.write(in, "sub/kept.txt", "Kept.");
        link(in.resolve(".hidden-link"), "/dev/zero");
        InputLister.Listing listing = list(in);

        assertEquals(Map.of("good.txt", READ, "sub/kept.txt", READ), outcomes(listing));
        assertEquals(5, listing.skippedHidden());
    }

    @Test
    void globMatchesAreWalkedLikeFolders() throws Exception {
        Path in = dir.resolve("in");
        TestFiles.write(in, "a.txt", "A.");
        TestFiles.write(in, "b.md", "B.");
        TestFiles.write(in, "x/c.txt", "C.");
        TestFiles.write(in, "x/_SUCCESS", "");
        TestFiles.write(in, "y/d.txt", "D.");
        link(in.resolve("y/up"), "..");
        link(in.resolve("z"), "x");
        link(in.resolve("zero.txt"), "/dev/zero");
        link(in.resolve("gone.txt"), "missing.txt");
        link(in.resolve("x/gone.txt"), "missing.txt");

        assertEquals(Map.of("a.txt", READ, "zero.txt", "not_a_file", "gone.txt", "dangling_link"), outcomes(list(in + "/*.txt")));
        assertEquals(Map.of("x/c.txt", READ, "x/gone.txt", "dangling_link", "y/d.txt", READ),
                outcomes(list(in + "/{x,y}/*.txt")));
        InputLister.Listing all = list(in + "/**");
        assertEquals(Map.of("a.txt", READ, "b.md", READ, "x/c.txt", READ, "x/gone.txt", "dangling_link", "y/d.txt", READ,
                "y/up", "symlink_cycle", "z", "duplicate_path", "zero.txt", "not_a_file", "gone.txt", "dangling_link"),
                outcomes(all));
        assertEquals(1, all.skippedHidden());
        InputLister.requireMatches(in + "/*.txt", conf);
    }

    @Test
    void unreadableFolderIsARejectInsideTheInputAndAFailureAsTheInput() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads a folder without permissions");
        Path in = dir.resolve("in");
        TestFiles.write(in, "good.txt", "Good.");
        Path locked = TestFiles.write(in, "locked/secret.txt", "Secret.").getParent();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            InputLister.Listing listing = list(in);
            assertEquals(Map.of("good.txt", READ, "locked", "unreadable"), outcomes(listing));
            assertEquals("cannot list directory: permission denied", entry(listing, "locked").rejectDetail());
            assertThrows(InputMissingException.class, () -> InputLister.requireMatches(locked.toString(), conf));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Each entry rejected while listing reads as one reject with that reason, and is never opened. */
    private static void readerRejectsWithoutOpening(InputLister.Listing listing) {
        RecordReader reader = new RecordReader(new JobConfig.Input(), new Configuration());
        for (InputFile f : listing.files()) {
            if (f.rejectReason() != null) {
                List<SourceRecord> records = reader.readAll(f);
                assertEquals(1, records.size());
                assertEquals(f.rejectReason().code(), records.get(0).rejectReason());
                assertEquals(f.rejectDetail(), records.get(0).rejectDetail());
            }
        }
    }
}
