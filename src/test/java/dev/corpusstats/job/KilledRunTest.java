package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.RunOutput;
import dev.corpusstats.testing.TableComparison;
import dev.corpusstats.testing.TestFiles;
import dev.corpusstats.testing.TestSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A run killed with SIGKILL while it writes its tables (the job in a child JVM, as a scheduler runs
 * it) leaves the previously published output intact and readable; the next run cleans up after it.
 */
class KilledRunTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRunKilledMidWriteLeavesThePublishedOutputIntact() throws Exception {
        Path in = twelveStories();
        Path out = dir.resolve("out");
        Manifest published = run(in, out);
        Path snapshot = TestFiles.copyTree(out, dir.resolve("snapshot"));

        TestFiles.write(in, "story-new.txt", "A new story from Kabul. " + TestFiles.seedText());
        Process job = startJob(in, out);
        try {
            awaitTableFileInAttempt(out, job);
        } finally {
            kill(job);
        }
        try (Stream<Path> attempts = Files.list(out.resolve(RunOutput.ATTEMPTS))) {
            assertEquals(1, attempts.count(), "the killed run left its half-written attempt behind");
        }

        assertEquals(published.runId, Manifest.read(out.toString(), spark.sparkContext().hadoopConfiguration()).runId,
                "the published manifest is still the previous run's");
        TableComparison.assertSameTables(spark, snapshot, out);

        Manifest next = run(in, out);
        assertTrue(next.recovered != null && next.recovered.stream().anyMatch(r -> r.startsWith("deleted the attempt of a killed run")),
                String.valueOf(next.recovered));
        try (Stream<Path> attempts = Files.list(out.resolve(RunOutput.ATTEMPTS))) {
            assertEquals(List.of(), attempts.toList(), "the killed run's attempt is gone");
        }
        assertEquals(13L, next.tables.get("documents").rows());
    }

    /** A JVM that exits under the run (a signal here; a fatal error in a task exits it the same way) still fails cleanly. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRunWhoseJvmExitsEndsWithExit1AndAFailedManifest() throws Exception {
        Path in = twelveStories();
        Path out = dir.resolve("out");
        Process job = startJob(in, out);
        try {
            awaitTableFileInAttempt(out, job);
            job.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertTrue(job.waitFor(60, TimeUnit.SECONDS), "the job did not exit after SIGTERM");
        } finally {
            kill(job);
        }
        String log = Files.readString(dir.resolve("job.log"));
        assertEquals(CorpusStatsJob.FAILED, job.exitValue(), log);
        assertTrue(log.contains("the JVM exited before the run ended"), log);
        Path attempt;
        try (Stream<Path> attempts = Files.list(out.resolve(RunOutput.ATTEMPTS))) {
            attempt = attempts.findFirst().orElseThrow();
        }
        Manifest failed = Manifest.read(attempt.toString(), spark.sparkContext().hadoopConfiguration());
        assertEquals("failed", failed.status);
        try (Stream<Path> left = Files.list(attempt)) {
            assertEquals(List.of(Manifest.FILE_NAME), left.map(p -> p.getFileName().toString()).toList(),
                    "the attempt keeps only its manifest");
        }
        assertTrue(Files.notExists(out.resolve(Manifest.FILE_NAME)), "nothing was published");
    }

    private Path twelveStories() {
        Path in = dir.resolve("in");
        String seed = TestFiles.seedText();
        for (int i = 0; i < 12; i++) {
            TestFiles.write(in, "story-" + i + ".txt", "Update " + i + ". " + seed);
        }
        return in;
    }

    private Manifest run(Path input, Path output) {
        Map<String, String> settings = new HashMap<>();
        settings.put("input.path", input.toString());
        settings.put("output.path", output.toString());
        settings.put("output.report", "false");
        JobConfig config = ConfigLoader.load(null, settings);
        return new CorpusStatsPipeline(spark, config).run();
    }

    /** The job as its own JVM, with this JVM's classpath and module flags, on loopback only. */
    private Process startJob(Path in, Path out) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
                .forEach(command::add);
        command.addAll(List.of("-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.sql.shuffle.partitions=2",
                "-cp", System.getProperty("java.class.path"), CorpusStatsJob.class.getName(),
                "--input", in.toString(), "--output", out.toString(), "--set", "output.report=false"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("job.log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    /** Waits until the child has started writing a table into its attempt folder. */
    private void awaitTableFileInAttempt(Path out, Process job) throws Exception {
        Path attempts = out.resolve(RunOutput.ATTEMPTS);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!job.isAlive()) {
                fail("the job ended before it was killed:\n" + Files.readString(dir.resolve("job.log")));
            }
            if (Files.isDirectory(attempts)) {
                try (Stream<Path> files = Files.walk(attempts)) {
                    var part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst();
                    if (part.isPresent()) {
                        return;
                    }
                } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                    // Spark renames files while we walk: look again
                }
            }
            Thread.sleep(20);
        }
        fail("the job wrote no table within 3 minutes:\n" + Files.readString(dir.resolve("job.log")));
    }

    private static void kill(Process job) throws InterruptedException {
        job.descendants().forEach(ProcessHandle::destroyForcibly);
        job.destroyForcibly();
        job.waitFor(30, TimeUnit.SECONDS);
    }
}
