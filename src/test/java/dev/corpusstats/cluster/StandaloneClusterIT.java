package dev.corpusstats.cluster;

import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.Table;
import dev.corpusstats.testing.TableComparison;
import dev.corpusstats.testing.TestFiles;
import dev.corpusstats.testing.TestSpark;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The job on a real Spark standalone cluster: a Master and two Workers (one core each) in child
 * JVMs on 127.0.0.1, the application jar submitted through SparkSubmit in client mode, as
 * jobs/submit.sh does. Every table must equal, row for row, the tables of the same job run with
 * {@code local[2]}; and again after one Worker (with its executor) is killed mid-job.
 * Logs of every process: target/cluster-it/logs/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Path ROOT = Path.of("target", "cluster-it").toAbsolutePath();
    private static final Path APP_JAR = Path.of("target", "corpus-stats-0.1.0-app.jar").toAbsolutePath();
    private static final Path CLASSPATH_FILE = Path.of("target", "local-classpath.txt").toAbsolutePath();
    private static final int DOCUMENTS = 60;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern FINISHED_TASK = Pattern.compile(
            "Finished task \\S+ in stage (\\S+) \\(TID \\d+\\) in \\d+ ms on \\S+ \\(executor (\\S+)\\)");
    /** A task's second or later attempt finishing ("Finished task 2.1 in stage 13.0"). */
    private static final Pattern RETRIED_TASK = Pattern.compile("Finished task \\d+\\.[1-9]\\d* in stage");
    /** The DAGScheduler's line naming the NLP stage: the corpus count (CorpusTables.of) that runs the analysis. */
    private static final Pattern NLP_STAGE = Pattern.compile(
            "Final stage: ResultStage (\\d+) \\(first at CorpusTables\\.java:\\d+\\)");

    private static LocalSparkCluster cluster;
    private static Path input;
    private static Path localOutput;

    @BeforeAll
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    static void runLocallyThenStartCluster() throws Exception {
        deleteRecursively(ROOT);
        input = ROOT.resolve("input");
        SyntheticNews.write(input, DOCUMENTS);
        Files.copy(TestFiles.seedFile(), input.resolve(TestFiles.seedFile().getFileName()));
        SparkHome home;
        try (InputStream log4j = StandaloneClusterIT.class.getResourceAsStream("log4j2.properties")) {
            home = SparkHome.create(ROOT.resolve("spark-home"), CLASSPATH_FILE, APP_JAR, log4j);
        }
        System.out.println("cluster-it: SPARK_HOME/jars leaves out what the app jar bundles: " + home.excludedJars());
        cluster = new LocalSparkCluster(home, ROOT.resolve("logs"));

        // The reference output, run before the cluster starts so the two share no CPU.
        localOutput = ROOT.resolve("out-local");
        long start = System.nanoTime();
        Process local = cluster.submit("driver-local", "2g", submitArgs("local[2]", localOutput));
        awaitSuccess("driver-local", local, localOutput);
        System.out.printf("cluster-it: local[2] run took %.1f s%n", seconds(start));

        cluster.start(2, 1, "1g", Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void clusterRunWritesTheSameTablesAsALocalRun() throws Exception {
        Path output = ROOT.resolve("out-cluster");
        long start = System.nanoTime();
        Process driver = cluster.submit("driver-cluster", "1g", submitArgs(cluster.masterUrl(), output));
        Manifest manifest = awaitSuccess("driver-cluster", driver, output);
        System.out.printf("cluster-it: cluster run took %.1f s; rows: %s%n", seconds(start), rows(manifest));

        // Both Workers' executors did work: the tables really were computed on the cluster.
        Map<String, Integer> tasks = finishedTasksByExecutor(Files.readString(cluster.log("driver-cluster")));
        System.out.println("cluster-it: tasks finished per executor: " + tasks);
        assertEquals(2, tasks.size(), "executors that finished tasks: " + tasks);

        assertSameTables(localOutput, output);
    }

    @Test
    @Order(2)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void jobCompletesWhenAWorkerIsKilledMidJob() throws Exception {
        assertEquals(2, cluster.aliveWorkers(), "alive workers before the fault run");
        Path output = ROOT.resolve("out-fault");
        Path log = cluster.log("driver-fault");
        long start = System.nanoTime();
        Process driver = cluster.submit("driver-fault", "1g", submitArgs(cluster.masterUrl(), output));

        // Kill a Worker in the NLP stage, once one of its analysis tasks has finished: that Worker's
        // executor then holds a cached analysis partition and shuffle output, and runs the next task.
        String lostExecutor = awaitFirstNlpTask(driver, log);
        int victim = workerRunning(lostExecutor);
        String logAtKill = Files.readString(log);
        cluster.killWorker(victim);
        double killedAt = seconds(start);
        assertTrue(driver.isAlive(), "the job must still be running when the worker is killed");
        System.out.printf("cluster-it: killed worker-%d (executor %s) at %.1f s; tasks finished per executor by then: %s%n",
                victim, lostExecutor, killedAt, finishedTasksByExecutor(logAtKill));

        Manifest manifest = awaitSuccess("driver-fault", driver, output);
        System.out.printf("cluster-it: fault run took %.1f s; rows: %s%n", seconds(start), rows(manifest));

        // The driver saw the executor go; the task it was running was run again (attempt 1 or
        // later) on the other executor, which then finished the job.
        String afterKill = Files.readString(log).substring(logAtKill.length());
        afterKill.lines()
                .filter(l -> l.contains("Lost executor") || l.contains("Lost task") || l.contains("its executor exited")
                        || l.contains("Shuffle files lost") || l.contains("Resubmitt") || RETRIED_TASK.matcher(l).find())
                .limit(20)
                .forEach(l -> System.out.println("cluster-it: after the kill: " + l));
        Map<String, Integer> tasksAfterKill = finishedTasksByExecutor(afterKill);
        System.out.println("cluster-it: tasks finished per executor after the kill: " + tasksAfterKill);
        assertTrue(afterKill.contains("Lost executor " + lostExecutor + " "),
                "the driver's log should report losing executor " + lostExecutor + "; see " + log);
        assertTrue(RETRIED_TASK.matcher(afterKill).find(), "no task attempt was run again after the kill; see " + log);
        assertFalse(tasksAfterKill.containsKey(lostExecutor), "tasks finished on the killed executor: " + tasksAfterKill);

        assertSameTables(localOutput, output);
    }

    /** Waits until the driver's log shows a finished NLP task; returns the executor that ran it. */
    private static String awaitFirstNlpTask(Process driver, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            assertTrue(driver.isAlive(), "the job ended before any worker was killed; see " + log);
            assertTrue(System.nanoTime() < deadline, "no NLP task finished within 3 minutes; see " + log);
            String executor = firstExecutorToFinishNlpTask(Files.readString(log));
            if (executor != null) {
                return executor;
            }
            Thread.sleep(50);
        }
    }

    private static List<String> submitArgs(String master, Path output) {
        return List.of(
                "--master", master,
                "--deploy-mode", "client",
                "--class", "dev.corpusstats.job.CorpusStatsJob",
                "--properties-file", Path.of("conf", "spark-defaults.conf").toAbsolutePath().toString(),
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.cores=1",
                "--conf", "spark.cores.max=2",
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", SparkHome.jvmOpens()),
                "--conf", "spark.sql.shuffle.partitions=2", // 61 small documents: fewer tasks, same tables
                APP_JAR.toString(),
                "--conf", Path.of("conf", "corpus-stats.yaml").toAbsolutePath().toString(),
                "--input", input.toString(),
                "--output", output.toString(),
                "--set", "output.report=false"); // the report has its own tests; these runs are about the tables
    }

    /** Waits for a run, then checks its exit code, its manifest, and that each table holds the rows the manifest says. */
    private static Manifest awaitSuccess(String name, Process driver, Path output) throws Exception {
        if (!driver.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail(name + " did not finish within " + JOB_TIMEOUT + "; see " + cluster.log(name));
        }
        assertEquals(0, driver.exitValue(), name + " exit code; see " + cluster.log(name));
        Manifest manifest = Manifest.read(output.toString(), new Configuration());
        assertEquals("succeeded", manifest.status, name + " manifest status");
        assertEquals(Table.values().length, manifest.tables.size(), name + " tables in the manifest");
        SparkSession spark = TestSpark.session();
        for (Table table : Table.values()) {
            long rows = spark.read().parquet(output.resolve(table.folder()).toString()).count();
            assertEquals(manifest.tables.get(table.folder()).rows(), rows, name + ": rows of " + table.folder());
        }
        assertEquals(DOCUMENTS + 1, manifest.tables.get(Table.DOCUMENTS.folder()).rows(), name + ": documents");
        assertTrue(manifest.tables.get(Table.ENTITIES.folder()).rows() > 0, name + ": entities found");
        return manifest;
    }

    /** Every table holds the same multiset of rows in both outputs; lists each difference found. */
    private static void assertSameTables(Path expected, Path actual) {
        TableComparison.assertSameTables(TestSpark.session(), expected, actual);
    }

    private static Map<String, Integer> finishedTasksByExecutor(String log) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = FINISHED_TASK.matcher(log);
        while (m.find()) {
            counts.merge(m.group(2), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The executor of the first finished task of the NLP stage, or null. That stage is the one of
     * the job that materializes the analysis: the pipeline's {@code first()} on the corpus totals.
     */
    private static String firstExecutorToFinishNlpTask(String log) {
        Matcher stage = NLP_STAGE.matcher(log);
        if (!stage.find()) {
            return null;
        }
        Matcher task = FINISHED_TASK.matcher(log).region(stage.end(), log.length());
        while (task.find()) {
            if (task.group(1).startsWith(stage.group(1) + ".")) {
                return task.group(2);
            }
        }
        return null;
    }

    private static int workerRunning(String executorId) {
        for (int i = 0; i < cluster.workerCount(); i++) {
            if (cluster.executorIds(i).contains(executorId)) {
                return i;
            }
        }
        throw new AssertionError("no worker runs executor " + executorId);
    }

    private static Map<String, Long> rows(Manifest manifest) {
        Map<String, Long> rows = new LinkedHashMap<>();
        manifest.tables.forEach((table, info) -> rows.put(table, info.rows()));
        return rows;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
