package dev.corpusstats.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A temporary Spark installation made of the jars Maven resolved: {@code jars/} holds symlinks to
 * them, {@code conf/} a log4j2 configuration. A Worker builds its executors' classpath from
 * {@code $SPARK_HOME/conf} and {@code $SPARK_HOME/jars}, so this is what every process of the
 * cluster runs on, as with a real installation.
 */
final class SparkHome {
    private final Path dir;
    private final List<String> excluded;

    private SparkHome(Path dir, List<String> excluded) {
        this.dir = dir;
        this.excluded = excluded;
    }

    /**
     * Lays out {@code dir} from the classpath file (one line, ':'-separated). Jars the application
     * jar already bundles (CoreNLP, its models, Lucene) are left out, as a real Spark installation
     * would not have them: executors must then get them from the application jar.
     */
    static SparkHome create(Path dir, Path classpathFile, Path appJar, InputStream log4jConfig) throws IOException {
        Path jars = Files.createDirectories(dir.resolve("jars"));
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.copy(log4jConfig, conf.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        Set<String> bundled = fileEntries(appJar);
        List<String> excluded = new ArrayList<>();
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar")) {
                continue;
            }
            if (fileEntries(jar).stream().anyMatch(bundled::contains)) {
                excluded.add(jar.getFileName().toString());
                continue;
            }
            Path link = jars.resolve(jar.getFileName());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        return new SparkHome(dir, excluded);
    }

    Path dir() {
        return dir;
    }

    /** Classpath jars left out of {@code jars/} because the application jar bundles them. */
    List<String> excludedJars() {
        return excluded;
    }

    /** What bin/spark-class would put on a daemon's or spark-submit's classpath. */
    String classpath() {
        return dir.resolve("conf") + java.io.File.pathSeparator + dir.resolve("jars") + "/*";
    }

    /**
     * Variables for every process of the cluster. SPARK_SCALA_VERSION spares the launcher's search
     * for a source build's directories; SPARK_LOCAL_IP keeps every socket and UI on loopback.
     */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_HOME", dir.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return env;
    }

    private static Set<String> fileEntries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> names = new HashSet<>();
            zip.stream().map(ZipEntry::getName)
                    .filter(n -> !n.endsWith("/") && !n.startsWith("META-INF/"))
                    .forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** The JVM flags Spark needs on Java 17, as the pom's spark.jvm.opens property lists them. */
    static List<String> jvmOpens() {
        String opens = System.getProperty("spark.jvm.opens");
        if (opens == null || opens.isBlank()) {
            throw new IllegalStateException("system property spark.jvm.opens is not set (maven-failsafe-plugin sets it)");
        }
        return Arrays.stream(opens.trim().split("\\s+")).toList();
    }
}
