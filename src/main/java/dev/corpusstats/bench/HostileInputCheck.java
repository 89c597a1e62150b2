package dev.corpusstats.bench;

import dev.corpusstats.config.Arguments;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.job.CorpusStatsPipeline;
import dev.corpusstats.job.SparkSessions;
import dev.corpusstats.nlp.AnalyzerSettings;
import dev.corpusstats.nlp.DocumentAnalyzer;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code jobs/benchmark.sh --hostile [--work DIR] [--conf FILE] [--gigabytes G] [--line-gigabytes L]}:
 * the job's cost on inputs built to hurt it, generated here (never committed):
 * <ol>
 *   <li>a JSON Lines file of G GiB (default 3) of 1 MiB records, one of them too large and one
 *       not JSON, read by the real job: its documents and rejects, and the peak heap;</li>
 *   <li>a {@code .jsonl.gz} holding one line of L GiB (default 2) and one normal record;</li>
 *   <li>NLP time of documents of 1 to 16 MiB made of the same text (the seed article repeated):
 *       linear cost means a flat time per MiB ({@code --nlp-only}: this step alone).</li>
 * </ol>
 * Each job run reports exit status, the documents and rejects it wrote against those expected,
 * its wall time and the peak heap (the sum of the heap pools' peaks, an upper bound; in local mode
 * driver and executor share the JVM). Run with {@code JAVA_OPTS=-Xmx2g}. The job runs use the
 * settings file with NER off: they measure reading, and the NLP's memory is per document (step 1).
 */
public final class HostileInputCheck {
    static final String USAGE = "usage: benchmark --hostile [--work DIR] [--conf FILE] [--gigabytes G] [--line-gigabytes L] [--nlp-only]";
    private static final int MIB = 1 << 20;

    private HostileInputCheck() {
    }

    record Options(Path work, Path conf, int gigabytes, int lineGigabytes, boolean nlpOnly) {
        static Options parse(List<String> args) {
            Path work = Path.of("target", "hostile-check");
            Path conf = Path.of("conf/corpus-stats.yaml");
            int gigabytes = 3;
            int lineGigabytes = 2;
            boolean nlpOnly = false;
            Arguments options = new Arguments(args);
            while (options.hasNext()) {
                String option = options.next();
                switch (option) {
                    case "--work" -> work = options.path(option);
                    case "--conf" -> conf = options.path(option);
                    case "--gigabytes" -> gigabytes = options.positiveInt(option);
                    case "--line-gigabytes" -> lineGigabytes = options.positiveInt(option);
                    case "--nlp-only" -> nlpOnly = true;
                    default -> throw new ConfigException("unknown option " + option);
                }
            }
            return new Options(work, conf, gigabytes, lineGigabytes, nlpOnly);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        JobConfig config;
        try {
            options = Options.parse(List.of(args));
            config = ConfigLoader.load(options.conf(), Map.of());
        } catch (ConfigException e) {
            System.err.println("benchmark: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        System.out.printf("max heap %d MiB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        boolean ok = true;
        if (!options.nlpOnly()) {
            Files.createDirectories(options.work());
            SparkSession spark = SparkSessions.getOrCreate();
            ok = manyRecords(spark, options);
            ok &= oneHugeLine(spark, options);
            spark.stop();
        }
        lengthScaling(config); // last: the entity models it loads stay on the heap
        System.exit(ok ? 0 : 1);
    }

    /**
     * NLP time against length, the same text repeated: 1, 2, 4, 8 and 16 MiB with NER off (best of
     * three), up to 8 MiB with it on (best of two), after a warm-up.
     */
    static void lengthScaling(JobConfig config) throws IOException {
        String seed = Files.readString(firstSeed(), StandardCharsets.UTF_8);
        String all = repeatTo(seed, 16 * MIB);
        boolean entitiesConfigured = config.entities.enabled;
        config.entities.enabled = false;
        scaling(AnalyzerSettings.from(config).newAnalyzer(), all, new int[] {1, 2, 4, 8, 16}, 3, "off");
        if (entitiesConfigured) {
            config.entities.enabled = true;
            scaling(AnalyzerSettings.from(config).newAnalyzer(), all, new int[] {1, 2, 4, 8}, 2, "on");
        }
    }

    private static void scaling(DocumentAnalyzer analyzer, String all, int[] mebibytes, int tries, String entities) {
        String one = all.substring(0, MIB);
        for (int i = 0; i < 3; i++) {
            analyzer.analyze(one);
        }
        double first = 0;
        for (int mib : mebibytes) {
            String text = all.substring(0, mib * MIB);
            double best = Double.MAX_VALUE;
            for (int t = 0; t < tries; t++) {
                System.gc();
                best = Math.min(best, time(analyzer, text));
            }
            if (first == 0) {
                first = best;
            }
            System.out.printf("NLP, entities %s: %2d MiB %.2f s, %.3f s per MiB, %.2f times the 1 MiB time%n",
                    entities, mib, best, best / mib, best / first);
        }
    }

    private static double time(DocumentAnalyzer analyzer, String text) {
        long start = System.nanoTime();
        analyzer.analyze(text);
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path firstSeed() throws IOException {
        try (var files = Files.list(Path.of("seeds"))) {
            return files.filter(Files::isRegularFile).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no seed document in seeds/"));
        }
    }

    /** The seed repeated, paragraph by paragraph, to exactly {@code bytes} bytes of UTF-8 (ASCII padding at the end). */
    static String repeatTo(String seed, int bytes) {
        return repeatTo(seed, bytes, "\n\n");
    }

    private static String repeatTo(String seed, int bytes, String separator) {
        StringBuilder sb = new StringBuilder(bytes);
        String paragraph = seed.strip() + separator;
        while (sb.length() + paragraph.length() <= bytes) {
            sb.append(paragraph);
        }
        String text = sb.toString();
        int missing = bytes - text.getBytes(StandardCharsets.UTF_8).length;
        return text + " ".repeat(Math.max(0, missing));
    }

    /** G GiB of JSON Lines: 1 MiB records, record 7 over the limit, record 11 not JSON. */
    private static boolean manyRecords(SparkSession spark, Options options) throws Exception {
        Path input = options.work().resolve("many-records");
        Path file = input.resolve("records.jsonl");
        int records = options.gigabytes() * 1024;
        String body = jsonSafe(Files.readString(firstSeed(), StandardCharsets.UTF_8));
        Map<String, Integer> expectedRejects = new TreeMap<>();
        if (!Files.exists(file) || Files.size(file) < (long) records * MIB) {
            Files.createDirectories(input);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                for (int i = 1; i <= records; i++) {
                    String text = i == 7 ? repeatTo(body, 12 * MIB, " ") : "Record " + i + ". " + repeatTo(body, MIB - 64, " ");
                    String line = i == 11 ? "{\"id\": \"r11\", \"text\": oops}" : "{\"id\": \"r" + i + "\", \"text\": \"" + text + "\"}";
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
        }
        expectedRejects.put("too_large", 1);
        expectedRejects.put("malformed_record", 1);
        return runJob(spark, options, "many-records", input, records - 2, expectedRejects);
    }

    /** One L GiB line, gzip-compressed, then one normal record. */
    private static boolean oneHugeLine(SparkSession spark, Options options) throws Exception {
        Path input = options.work().resolve("huge-line");
        Path file = input.resolve("huge-line.jsonl.gz");
        if (!Files.exists(file)) {
            Files.createDirectories(input);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 20) {
                {
                    def.setLevel(Deflater.BEST_SPEED); // the line's repeats compress at any level; this is faster
                }
            }) {
                out.write("{\"id\": \"huge\", \"text\": \"".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = "all work and no play ".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
                long total = (long) options.lineGigabytes() << 30;
                for (long written = 0; written < total; written += chunk.length) {
                    out.write(chunk);
                }
                out.write("\"}\n{\"id\": \"normal\", \"text\": \"A normal record after the huge one.\"}\n"
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        return runJob(spark, options, "huge-line", input, 1, Map.of("too_large", 1));
    }

    private static boolean runJob(SparkSession spark, Options options, String name, Path input, long expectedDocuments,
                                  Map<String, Integer> expectedRejects) throws Exception {
        Path output = options.work().resolve(name + "-out");
        Benchmark.deleteRecursively(output);
        Map<String, String> settings = new HashMap<>();
        settings.put("input.path", input.toString());
        settings.put("output.path", output.toString());
        settings.put("entities.enabled", "false");
        settings.put("output.report", "false");
        JobConfig config = ConfigLoader.load(options.conf(), settings);
        System.gc();
        Heap.resetPeaks();
        Heap.LiveAfterGc live = Heap.LiveAfterGc.start();
        long start = System.nanoTime();
        Manifest manifest;
        try {
            manifest = new CorpusStatsPipeline(spark, config).run();
        } catch (Exception e) {
            System.out.printf("%s: FAILED %s (peak heap %d MiB)%n", name, e, Heap.peakMb());
            return false;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = Heap.peakMb();
        long livePeak = live.stop();
        long documents = manifest.tables.get(Table.DOCUMENTS.folder()).rows();
        Map<String, Integer> rejects = new TreeMap<>();
        List<String> details = new ArrayList<>();
        for (Row r : spark.read().parquet(output.resolve(Table.REJECTS.folder()).toString()).collectAsList()) {
            rejects.merge(r.getAs("reason"), 1, Integer::sum);
            details.add(r.getAs("source") + ": " + r.getAs("reason") + ": " + r.getAs("detail"));
        }
        boolean ok = documents == expectedDocuments && rejects.equals(new TreeMap<>(expectedRejects));
        System.out.printf("%s: %s %s, input %.2f GB, %d documents (expected %d), rejects %s (expected %s), %.1f s, peak heap %d MiB (pools' peaks, garbage included), peak live heap %d MiB (after GC)%n",
                name, manifest.status, ok ? "OK" : "WRONG", Benchmark.sizeOf(input) / 1e9, documents, expectedDocuments, rejects,
                new TreeMap<>(expectedRejects), seconds, peak, livePeak);
        details.forEach(d -> System.out.println("  " + (d.length() > 300 ? d.substring(0, 300) + "…" : d)));
        Benchmark.deleteRecursively(output);
        return ok;
    }

    private static String jsonSafe(String text) {
        return text.replace("\\", " ").replace("\"", "'").replace("\r", " ").replace("\n", " ").replace("\t", " ");
    }
}
