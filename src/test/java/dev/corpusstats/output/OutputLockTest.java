package dev.corpusstats.output;

import dev.corpusstats.testing.TestFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output root's lock: an OS lock on local disks, a lock file elsewhere (tried here on the local filesystem). */
class OutputLockTest {
    private final Configuration conf = new Configuration();

    @TempDir
    Path dir;

    private Path lockFile() {
        return dir.resolve(OutputLock.FILE_NAME);
    }

    @Test
    void aReleasedLockDoesNotBlock() throws Exception {
        try (OutputLock first = OutputLock.acquire(dir.toString(), conf, "first")) {
            assertTrue(Files.readString(lockFile()).contains("run_id=first"), "the holder is recorded");
        }
        assertEquals("", Files.readString(lockFile()), "no holder while nobody holds it");
        OutputLock.acquire(dir.toString(), conf, "second").close();
    }

    @Test
    void aSecondRunIsTurnedAwayNamingTheHolder() {
        try (OutputLock first = OutputLock.acquire(dir.toString(), conf, "first")) {
            OutputLockedException e = assertThrows(OutputLockedException.class,
                    () -> OutputLock.acquire(dir.toString(), conf, "second"));
            assertTrue(e.getMessage().contains(lockFile().toString()) && e.getMessage().contains("run first")
                    && e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(e.getMessage().contains("delete"), "an OS lock is never stale: " + e.getMessage());
        }
    }

    /** A run killed with SIGKILL holds no lock: the operating system released it with the process. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aLockDiesWithItsProcess() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("locked")) {
                // class loading and logging noise
            }
            assertEquals("locked", line, "the child JVM took the lock");
            OutputLockedException e = assertThrows(OutputLockedException.class,
                    () -> OutputLock.acquire(dir.toString(), conf, "parent"));
            assertTrue(e.getMessage().contains("pid " + holder.pid()), e.getMessage());
        } finally {
            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs
            holder.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.readString(lockFile()).contains("run_id=child"), "the killed holder's record stays");
        OutputLock.acquire(dir.toString(), conf, "parent").close();
    }

    /** The child JVM of {@link #aLockDiesWithItsProcess}: takes the lock, says so, and waits to be killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            OutputLock.acquire(args[0], new Configuration(), "child");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @Test
    void aFileNamedLikeTheLockThatIsNotOneIsLeftAlone() throws Exception {
        TestFiles.write(dir, OutputLock.FILE_NAME, "the user's notes");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, () -> OutputLock.acquire(dir.toString(), conf, "run"));
        assertTrue(e.getMessage().contains(lockFile().toString()), e.getMessage());
        assertEquals("the user's notes", Files.readString(lockFile()));
    }

    @Test
    void aLockFileIsCreatedIfAbsentAndDeletedOnRelease() throws Exception {
        FileSystem fs = FileSystem.getLocal(conf);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(lockFile().toUri());
        try (OutputLock lock = OutputLock.acquireLockFile(fs, file, "first")) {
            assertTrue(Files.readString(lockFile()).contains("run_id=first"));
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> OutputLock.acquireLockFile(fs, file, "second"));
            assertTrue(e.getMessage().contains("run first") && e.getMessage().contains("delete " + file), e.getMessage());
        }
        assertFalse(Files.exists(lockFile()));
    }

    @Test
    void aLockFileOfADeadProcessOfThisHostIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(30, TimeUnit.SECONDS);
        String host = OutputLock.Owner.current("x").host();
        TestFiles.write(dir, OutputLock.FILE_NAME, new OutputLock.Owner("dead", host, gone.pid(), "2026-11-29T02:30:00Z").text());
        FileSystem fs = FileSystem.getLocal(conf);
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(lockFile().toUri());
        try (OutputLock lock = OutputLock.acquireLockFile(fs, file, "next")) {
            assertTrue(Files.readString(lockFile()).contains("run_id=next"));
        }

        for (OutputLock.Owner other : List.of(new OutputLock.Owner("elsewhere", "another-host", gone.pid(), "2026-11-29T02:30:00Z"),
                new OutputLock.Owner("alive", host, ProcessHandle.current().pid(), "2026-11-29T02:30:00Z"))) {
            TestFiles.write(dir, OutputLock.FILE_NAME, other.text());
            OutputLockedException e = assertThrows(OutputLockedException.class, () -> OutputLock.acquireLockFile(fs, file, "next"));
            assertTrue(e.getMessage().contains("run " + other.runId()) && e.getMessage().contains("delete " + file), e.getMessage());
            assertTrue(Files.readString(lockFile()).contains(other.runId()), "left as it was");
        }
    }
}
