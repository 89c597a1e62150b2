package dev.corpusstats.job;

import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jobs/run-local.sh's start-up choices (docs/PERFORMANCE.md, "Start-up"), run against a stand-in
 * {@code java} that records its arguments: C1 only for inputs under 1 MB, a class-data archive
 * written by a run that succeeds and mapped by the next, JAVA_OPTS after the script's own flags.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunLocalScriptTest {
    private static final String ARCHIVE = "target/cds/corpus-stats.jsa";

    @TempDir
    Path dir;

    private Path project;
    private Path javaHome;

    @BeforeEach
    void copyTheScriptBesideAStandInJvm() throws IOException {
        project = dir.resolve("project");
        Files.createDirectories(project.resolve("jobs"));
        Files.copy(Path.of("jobs/run-local.sh"), project.resolve("jobs/run-local.sh"));
        Files.createDirectories(project.resolve("conf"));
        Files.copy(Path.of("conf/spark-defaults.conf"), project.resolve("conf/spark-defaults.conf"));
        TestFiles.write(project, "conf/corpus-stats.yaml", "input:\n  path: small   # a comment\noutput:\n  path: out\n");
        TestFiles.write(project, "small/a.txt", "A short story from Kabul.");
        TestFiles.write(project, "large/a.txt", new byte[8_200_000]);
        TestFiles.write(project, "target/corpus-stats-0.1.0.jar", "jar");
        TestFiles.write(project, "target/local-classpath.txt", "deps.jar");
        javaHome = dir.resolve("jdk");
        TestFiles.write(javaHome, "lib/server/libjvm.so", "jvm");
        // Records its arguments; writes the archive it is asked for, as a JVM does when it exits.
        Path java = TestFiles.write(javaHome, "bin/java", """
                #!/usr/bin/env bash
                printf '%s\\n' "$@" > "$FAKE_JAVA_ARGS"
                for a in "$@"; do
                  case $a in -XX:ArchiveClassesAtExit=*) echo archive > "${a#*=}" ;; esac
                done
                exit "${FAKE_JAVA_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> run(Map<String, String> env, String... args) throws Exception {
        Path argsFile = dir.resolve("java-args.txt");
        Files.deleteIfExists(argsFile);
        List<String> command = new java.util.ArrayList<>(List.of("bash", project.resolve("jobs/run-local.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("JIT");
        pb.environment().remove("CDS");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("CORPUS_STATS_NO_BUILD", "1"); // the stand-in jar is not built from sources
        pb.environment().put("FAKE_JAVA_ARGS", argsFile.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        assertEquals(Integer.parseInt(env.getOrDefault("FAKE_JAVA_EXIT", "0")), p.exitValue(), out);
        return Files.readAllLines(argsFile);
    }

    @Test
    void smallInputsRunWithC1OnlyLargerOnesWithTheTieredCompiler() throws Exception {
        assertTrue(run(Map.of()).contains("-XX:TieredStopAtLevel=1"), "input.path from the YAML file: 25 bytes");
        assertFalse(run(Map.of(), "--input", project.resolve("large").toString()).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(run(Map.of(), "--set", "input.path=" + project.resolve("small")).contains("-XX:TieredStopAtLevel=1"));
        assertFalse(run(Map.of(), "--input", "hdfs://namenode/news").contains("-XX:TieredStopAtLevel=1"), "size unknown");
        assertFalse(run(Map.of("JIT", "tiered")).contains("-XX:TieredStopAtLevel=1"));
        assertTrue(run(Map.of("JIT", "c1"), "--input", project.resolve("large").toString()).contains("-XX:TieredStopAtLevel=1"));
    }

    @Test
    void c1OnlyKeepsTheTieredCodeCacheSize() throws Exception {
        // C1 only would otherwise get 48 MB, which a 1,000-article run fills to 45 MB.
        List<String> c1 = run(Map.of("JIT", "c1"));
        assertTrue(c1.contains("-XX:ReservedCodeCacheSize=240m"), c1.toString());
        assertFalse(run(Map.of("JIT", "tiered")).contains("-XX:ReservedCodeCacheSize=240m"), "the tiered default is already 240 MB");
    }

    @Test
    void theCrfsHugeFeatureExtractorIsCompiled() throws Exception {
        List<String> args = run(Map.of("JAVA_OPTS", "-XX:+DontCompileHugeMethods"));
        assertTrue(args.indexOf("-XX:+DontCompileHugeMethods") > args.indexOf("-XX:-DontCompileHugeMethods"),
                "on by default, and JAVA_OPTS can still turn it off: " + args);
        assertTrue(args.contains("-XX:-DontCompileHugeMethods"), args.toString());
    }

    @Test
    void theParallelCollectorUnlessJavaOptsNameOne() throws Exception {
        assertTrue(run(Map.of()).contains("-XX:+UseParallelGC"));
        List<String> g1 = run(Map.of("JAVA_OPTS", "-Xmx2g -XX:+UseG1GC"));
        assertFalse(g1.contains("-XX:+UseParallelGC"), "the JVM refuses two collectors: " + g1);
        assertTrue(g1.contains("-XX:+UseG1GC"), g1.toString());
        assertFalse(run(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC")).contains("-XX:+UseParallelGC"), "named where the JVM reads it too");
        assertFalse(run(Map.of("JAVA_OPTS", "-Xmx2g\t-XX:+UseZGC")).contains("-XX:+UseParallelGC"), "tab-separated");
        assertTrue(run(Map.of("JAVA_OPTS", "-XX:+UseParallelGCThreadsX")).contains("-XX:+UseParallelGC"), "a whole option only");
    }

    @Test
    void theWholeHeapFromTheStartUnlessJavaOptsSizeIt() throws Exception {
        List<String> defaults = run(Map.of());
        assertTrue(defaults.containsAll(List.of("-Xms4g", "-Xmx4g", "-XX:MetaspaceSize=256m")), defaults.toString());
        List<String> own = run(Map.of("JAVA_OPTS", "-Xmx2g"));
        assertFalse(own.contains("-Xms4g"), "an initial heap above the caller's maximum would stop the JVM: " + own);
        assertTrue(own.contains("-Xmx2g") && own.contains("-XX:MetaspaceSize=256m"), own.toString());
        for (String variable : List.of("_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
            List<String> elsewhere = run(Map.of(variable, "-Dx=1 -Xmx2g"));
            assertFalse(elsewhere.contains("-Xms4g"), variable + " sizes the heap: " + elsewhere);
            assertTrue(elsewhere.contains("-Xmx4g"), elsewhere.toString());
        }
        assertTrue(run(Map.of("_JAVA_OPTIONS", "-Xss2m")).contains("-Xms4g"), "not a heap size");
    }

    @Test
    void aSuccessfulRunWritesTheArchiveTheNextRunMaps() throws Exception {
        List<String> first = run(Map.of());
        assertTrue(first.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=" + ARCHIVE + ".")), first.toString());
        assertTrue(Files.exists(project.resolve(ARCHIVE)), "renamed into place");
        assertTrue(run(Map.of()).contains("-XX:SharedArchiveFile=" + ARCHIVE));
        assertTrue(run(Map.of("JAVA_OPTS", "-Xmx1g")).contains("-XX:SharedArchiveFile=" + ARCHIVE), "JAVA_OPTS are not its key");
        // A failed run keeps no archive and leaves no temporary file.
        Files.move(project.resolve(ARCHIVE), dir.resolve("kept.jsa"), StandardCopyOption.REPLACE_EXISTING);
        List<String> failed = run(Map.of("FAKE_JAVA_EXIT", "3", "CDS", "refresh"));
        assertTrue(failed.stream().anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")), failed.toString());
        try (var files = Files.list(project.resolve("target/cds"))) {
            assertEquals(List.of("corpus-stats.jsa.jvm"), files.map(f -> f.getFileName().toString()).toList());
        }
        List<String> off = run(Map.of("CDS", "off"));
        assertFalse(off.stream().anyMatch(a -> a.contains("ArchiveClassesAtExit") || a.contains("SharedArchiveFile")), off.toString());
    }

    @Test
    void aRunWithANativeAgentMapsAnArchiveButNeverWritesOne() throws Exception {
        // The JVM refuses to write an archive with a native agent loaded, and then does not run at all.
        List<String> profiled = run(Map.of("JAVA_OPTS", "-Xmx2g -agentpath:/opt/profiler/libasyncProfiler.so=start"));
        assertFalse(profiled.stream().anyMatch(a -> a.contains("ArchiveClassesAtExit")), profiled.toString());
        assertFalse(Files.exists(project.resolve(ARCHIVE)));
        assertFalse(run(Map.of("JAVA_TOOL_OPTIONS", "-agentlib:jdwp=transport=dt_socket")).stream()
                .anyMatch(a -> a.contains("ArchiveClassesAtExit")), "named where the JVM reads it too");
        run(Map.of()); // a plain run writes it
        assertTrue(run(Map.of("JAVA_OPTS", "-agentpath:/opt/profiler/libasyncProfiler.so=start"))
                .contains("-XX:SharedArchiveFile=" + ARCHIVE), "and a profiled run maps it");
    }

    @Test
    void javaOptsComeAfterTheScriptsOwnFlagsSoTheyWin() throws Exception {
        List<String> args = run(Map.of("JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4"));
        assertTrue(args.indexOf("-XX:TieredStopAtLevel=4") > args.indexOf("-XX:TieredStopAtLevel=1"), args.toString());
        assertEquals(CorpusStatsJob.class.getName(), args.get(args.size() - 3), "then the main class and its arguments");
        assertEquals(List.of("--conf", "conf/corpus-stats.yaml"), args.subList(args.size() - 2, args.size()));
    }
}
