package dev.corpusstats.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 made of child JVMs (one Master, some Workers), plus the
 * spark-submit runs started against it. Every process it starts, the executors the Workers start
 * included, is killed by {@link #close()} or, if the test JVM exits first, by a shutdown hook.
 * Each process writes its output to {@code <logDir>/<name>.log}.
 */
final class LocalSparkCluster implements AutoCloseable {
    private static final String MASTER = "org.apache.spark.deploy.master.Master";
    private static final String WORKER = "org.apache.spark.deploy.worker.Worker";
    private static final String SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkHome home;
    private final Path logDir;
    private final List<String> jvmOpens = SparkHome.jvmOpens();
    private final List<Process> started = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "spark-cluster-cleanup");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process master;
    private int masterPort;
    private int masterUiPort;

    LocalSparkCluster(SparkHome home, Path logDir) throws IOException {
        this.home = home;
        this.logDir = Files.createDirectories(logDir);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the Master and the Workers, and waits until the Master lists every Worker as alive. */
    void start(int workerCount, int coresPerWorker, String memoryPerWorker, Duration timeout) throws IOException, InterruptedException {
        masterPort = freePort();
        masterUiPort = freePort();
        // No REST submission server: it would listen on a fixed port (6066).
        master = launch("master", List.of("-Xmx512m", "-Dspark.master.rest.enabled=false"), MASTER,
                List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)));
        for (int i = 0; i < workerCount; i++) {
            Path workDir = Files.createDirectories(logDir.resolve("worker-" + i + "-work"));
            workers.add(launch("worker-" + i, List.of("-Xmx512m"), WORKER,
                    List.of("--host", "127.0.0.1", "--port", Integer.toString(freePort()),
                            "--webui-port", Integer.toString(freePort()),
                            "--cores", Integer.toString(coresPerWorker), "--memory", memoryPerWorker,
                            "--work-dir", workDir.toString(), masterUrl())));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (aliveWorkers() < workerCount) {
            for (Process p : daemons()) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a cluster process exited with " + p.exitValue() + "; see " + logDir);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Master lists " + aliveWorkers() + " of " + workerCount
                        + " workers as alive after " + timeout + "; see " + logDir);
            }
            Thread.sleep(250);
        }
    }

    private List<Process> daemons() {
        List<Process> daemons = new ArrayList<>(workers);
        daemons.add(master);
        return daemons;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The Master's state as its web UI serves it at /json/ (workers, applications). */
    JsonNode masterState() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        return JSON.readTree(response.body());
    }

    int aliveWorkers() throws InterruptedException {
        try {
            int alive = 0;
            for (JsonNode worker : masterState().path("workers")) {
                alive += "ALIVE".equals(worker.path("state").asText()) ? 1 : 0;
            }
            return alive;
        } catch (IOException e) {
            return 0; // the Master's UI is not up yet
        }
    }

    /** Starts spark-submit (SparkSubmit's main class in a child JVM) with the given arguments. */
    Process submit(String name, String driverMemory, List<String> submitArgs) throws IOException {
        return launch(name, List.of("-Xmx" + driverMemory), SUBMIT, submitArgs);
    }

    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    int workerCount() {
        return workers.size();
    }

    /** The ids of the executors running on a Worker (its child JVMs, by their --executor-id argument). */
    List<String> executorIds(int worker) {
        return workers.get(worker).descendants()
                .map(h -> h.info().arguments())
                .flatMap(Optional::stream)
                .map(Arrays::asList)
                .filter(args -> args.contains("--executor-id"))
                .map(args -> args.get(args.indexOf("--executor-id") + 1))
                .toList();
    }

    /** Kills a Worker and its executors at once (SIGKILL), as when its machine is lost. */
    void killWorker(int worker) throws InterruptedException {
        Process p = workers.get(worker);
        List<ProcessHandle> executors = p.descendants().toList();
        p.destroyForcibly();
        executors.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private Process launch(String name, List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(jvmOpens);
        command.add("-cp");
        command.add(home.classpath());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        // A developer's own Spark settings (SPARK_CONF_DIR, SPARK_HOME...) must not leak in.
        builder.environment().keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_"));
        builder.environment().putAll(home.environment());
        Files.writeString(log(name), "");
        Process process = builder.start();
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    /** Kills every started process and its descendants (executors), newest first, and waits for them. */
    private void killAll() {
        List<ProcessHandle> killed = new ArrayList<>();
        synchronized (started) {
            for (int i = started.size() - 1; i >= 0; i--) {
                ProcessHandle p = started.get(i).toHandle();
                List<ProcessHandle> descendants = p.descendants().toList(); // before the parent dies and they are orphaned
                p.destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
                killed.add(p);
                killed.addAll(descendants);
            }
        }
        for (ProcessHandle p : killed) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: reported by the caller's process check, if any
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
