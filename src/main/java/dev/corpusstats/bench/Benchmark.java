package dev.corpusstats.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.corpusstats.config.Arguments;
import dev.corpusstats.config.CommandLine;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.job.CorpusStatsPipeline;
import dev.corpusstats.job.SparkSessions;
import dev.corpusstats.nlp.EntityEngines;
import dev.corpusstats.nlp.entities.EntityKeys;
import dev.corpusstats.nlp.entities.EntityRecognizer;
import dev.corpusstats.nlp.entities.EntitySettings;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.Token;
import dev.corpusstats.output.Manifest;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code jobs/benchmark.sh --input PATH [--scale K] [--report FILE] [--conf FILE] [--set KEY=VALUE]...}:
 * runs the real job (the same pipeline as a production run, embedded local Spark) on the input (a
 * folder of text files or a JSON Lines file) made K times larger, and reports documents, tokens,
 * wall time, documents/s, tokens/s, time per stage and per table, peak heap and output size; beside
 * it, the NER engine alone (CRF over pre-split tokens, no Spark) on the same documents, in tokens/s
 * on one thread and on all cores.
 */
public final class Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Benchmark() {
    }

    static final String USAGE = "usage: benchmark --input DIR|FILE.jsonl[.gz] [--scale K] [--report FILE] [--conf FILE]"
            + " [--work DIR] [--set KEY=VALUE]...";

    /** Settings the benchmark chooses itself: the scaled corpus, its format and the output. */
    static final List<String> OWN_SETTINGS = List.of("input.path", "input.format", "output.path");

    /**
     * What to benchmark, as the command line chose it.
     *
     * @param settings the {@code --set} overrides, in order, applied over {@code conf} as the job applies them
     */
    record Options(Path input, int scale, Path report, Path conf, Path work, Map<String, String> settings) {
        static Options parse(List<String> args) {
            Path input = null;
            Path report = null;
            Path conf = Path.of("conf/corpus-stats.yaml");
            Path work = Path.of("target", "benchmark");
            int scale = 1;
            Map<String, String> settings = new LinkedHashMap<>();
            Arguments options = new Arguments(args);
            while (options.hasNext()) {
                String option = options.next();
                switch (option) {
                    case "--input" -> input = options.path(option);
                    case "--scale" -> scale = options.positiveInt(option);
                    case "--report" -> report = options.path(option);
                    case "--conf" -> conf = options.path(option);
                    case "--work" -> work = options.path(option);
                    case "--set" -> CommandLine.putSetting(settings, options.value(option));
                    default -> throw new ConfigException("unknown option " + option);
                }
            }
            if (input == null || !(Files.isDirectory(input) || Files.isRegularFile(input) && ScaledCorpus.isJsonLines(input))) {
                throw new ConfigException("--input must be a folder of text files or a JSON Lines file (.jsonl, .jsonl.gz)"
                        + (input == null ? "" : ": " + input));
            }
            for (String key : settings.keySet()) {
                if (OWN_SETTINGS.contains(key)) {
                    throw new ConfigException("--set " + key + " is the benchmark's own (the scaled corpus, its format"
                            + " and the output follow from --input and --work)");
                }
            }
            return new Options(input, scale, report, conf, work, Collections.unmodifiableMap(settings));
        }

        /** True when the input is a JSON Lines file rather than a folder of text files. */
        boolean jsonLines() {
            return !Files.isDirectory(input);
        }

        /** The job's overrides: the {@code --set} ones, then the benchmark's own. */
        Map<String, String> overrides() {
            Map<String, String> overrides = new LinkedHashMap<>(settings);
            overrides.put("input.path", corpus().toString());
            overrides.put("input.format", (jsonLines() ? InputFormat.JSONL : InputFormat.TEXT).code());
            overrides.put("output.path", output().toString());
            return overrides;
        }

        /** Where the scaled corpus is written. */
        Path corpus() {
            return work.resolve("corpus-x" + scale);
        }

        /** Where the job writes its output. */
        Path output() {
            return work.resolve("output-x" + scale);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        JobConfig config;
        try {
            options = Options.parse(List.of(args));
            config = ConfigLoader.load(options.conf(), options.overrides());
        } catch (ConfigException e) {
            System.err.println("benchmark: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        ObjectNode result = run(options, config);
        System.out.println(table(result));
        if (options.report() != null) {
            JSON.writeValue(options.report().toFile(), result);
            System.out.println("report: " + options.report());
        }
        System.exit(0);
    }

    /** @param config the job's settings, reading the scaled corpus and writing to the options' output */
    static ObjectNode run(Options options, JobConfig config) throws Exception {
        Path input = options.input();
        int scale = options.scale();
        Path output = options.output();
        deleteRecursively(options.corpus());
        deleteRecursively(output);
        int documents = options.jsonLines()
                ? ScaledCorpus.writeJsonLines(input, scale, options.corpus(), config.input.idColumn, config.input.textColumn)
                : ScaledCorpus.write(input, scale, options.corpus());

        ObjectNode r = JSON.createObjectNode();
        r.put("input", input.toString());
        r.put("scale", scale);
        r.put("documents", documents);
        r.put("conf", String.valueOf(options.conf()));
        ObjectNode settings = r.putObject("settings");
        options.settings().forEach(settings::put);
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        r.put("java", System.getProperty("java.version"));

        long startup = System.nanoTime();
        SparkSession spark = SparkSessions.getOrCreate();
        r.put("spark_startup_seconds", seconds(startup));
        Heap.resetPeaks();
        long jitBefore = jitMillis();
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        Manifest manifest = new CorpusStatsPipeline(spark, config).run();
        double wall = seconds(start);
        r.put("jit_compile_seconds", (jitMillis() - jitBefore) / 1000.0);
        r.put("gc_seconds", (gcMillis() - gcBefore) / 1000.0);
        // The published folder, not the output root: the runs layout publishes below it.
        Row sum = spark.read().parquet(manifest.publishedTo + "/documents").selectExpr("sum(token_count)").first();
        long tokens = sum.isNullAt(0) ? 0 : sum.getLong(0);
        r.put("tokens", tokens);
        r.put("job_seconds", wall);
        r.put("documents_per_second", documents / wall);
        r.put("tokens_per_second", tokens / wall);
        r.set("stage_seconds", JSON.valueToTree(manifest.stageSeconds));
        ObjectNode tables = r.putObject("table_seconds");
        ObjectNode rows = r.putObject("table_rows");
        manifest.tables.forEach((name, info) -> {
            tables.put(name, info.seconds());
            rows.put(name, info.rows());
        });
        // Below documents when texts repeat (the statistics count one) or are rejected: the scaling's check.
        r.set("corpus_documents", JSON.valueToTree(manifest.input.get("corpus_documents")));
        r.set("dates", JSON.valueToTree(manifest.input.get("dates")));
        r.set("configuration", manifest.configuration);
        r.put("peak_heap_mb", Heap.peakMb());
        r.put("output_mb", sizeOf(output) / 1e6);
        spark.stop();

        if (config.entities.enabled) {
            r.set("ner_engine", nerEngine(input, config.input.textColumn, r.get("cores").asInt(), config.entities));
            double engine = r.get("ner_engine").get("crf_all_cores_tokens_per_second").asDouble();
            r.put("job_share_of_engine_throughput", (tokens / wall) / engine);
        }
        return r;
    }

    /**
     * The main model alone over the job's own tokens of the unscaled input, one thread, then all cores
     * (the engine figure the job's share is of); then the same for the main model decoded with the
     * expert model, without the document rules, when the settings name one.
     */
    static ObjectNode nerEngine(Path input, String textColumn, int cores, JobConfig.Entities entities)
            throws IOException, InterruptedException, java.util.concurrent.ExecutionException {
        NewsTokenizer tokenizer = new NewsTokenizer();
        List<List<List<String>>> docs = new ArrayList<>();
        long[] tokenCount = {0};
        ScaledCorpus.forEachText(input, textColumn, text -> {
            List<List<String>> sentences = new ArrayList<>();
            for (Sentence s : tokenizer.split(text)) {
                sentences.add(s.tokens().stream().map(Token::form).toList());
                tokenCount[0] += s.tokens().size();
            }
            docs.add(sentences);
        });
        long tokens = tokenCount[0];
        EntityRecognizer crf = EntityEngines.recognizer(new EntitySettings(entities.model, null, null, false, EntityKeys.withoutAliases()));
        label(crf, docs.subList(0, Math.min(docs.size(), 200)), 1); // warm-up: JIT-compile the CRF
        ObjectNode e = JSON.createObjectNode();
        e.put("model", entities.model);
        e.put("tokens", tokens);
        e.put("crf_one_thread_tokens_per_second", tokens / label(crf, docs, 1));
        e.put("crf_all_cores_tokens_per_second", tokens / label(crf, docs, cores));
        if (entities.expertModel != null) {
            EntityRecognizer pair = EntityEngines.recognizer(
                    new EntitySettings(entities.model, entities.expertModel, null, false, EntityKeys.withoutAliases()));
            label(pair, docs.subList(0, Math.min(docs.size(), 200)), 1);
            e.put("expert_model", entities.expertModel);
            e.put("crf_pair_one_thread_tokens_per_second", tokens / label(pair, docs, 1));
            e.put("crf_pair_all_cores_tokens_per_second", tokens / label(pair, docs, cores));
        }
        return e;
    }

    private static double label(EntityRecognizer crf, List<List<List<String>>> docs, int threads)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < docs.size(); i += threads) {
                    crf.label(docs.get(i));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return seconds(start);
    }

    /** Time spent compiling so far, summed over the JIT compiler threads (they compete with tasks for the cores). */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Time spent in garbage collections so far (pauses and concurrent cycles as the collectors count them). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
    }

    /** Bytes of the regular files under {@code dir}. */
    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String table(ObjectNode r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("corpus-stats benchmark: %s ×%d on %d cores, heap max %d MB, Java %s%n",
                r.get("input").asText(), r.get("scale").asInt(), r.get("cores").asInt(), r.get("max_heap_mb").asLong(), r.get("java").asText()));
        StringBuilder settings = new StringBuilder(r.get("conf").asText());
        r.get("settings").fields().forEachRemaining(e ->
                settings.append(" --set ").append(e.getKey()).append('=').append(e.getValue().isNull() ? "null" : e.getValue().asText()));
        s.append(String.format("  settings           %s%n", settings));
        s.append(String.format("  documents          %,12d%n", r.get("documents").asLong()));
        s.append(String.format("  counted documents  %,12d (N: duplicate texts once, rejects left out)%n",
                r.path("corpus_documents").asLong()));
        JsonNode dates = r.get("dates");
        if (dates != null && dates.isObject()) {
            StringBuilder undated = new StringBuilder();
            dates.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber() && !e.getKey().equals("dated")) {
                    undated.append(undated.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().asLong());
                }
            });
            s.append(String.format("  dated documents    %,12d%s%n", dates.path("dated").asLong(),
                    undated.isEmpty() ? "" : " (undated: " + undated + ")"));
        }
        s.append(String.format("  tokens             %,12d%n", r.get("tokens").asLong()));
        s.append(String.format("  job wall time      %12.1f s (Spark start-up %.1f s not included)%n", r.get("job_seconds").asDouble(),
                r.get("spark_startup_seconds").asDouble()));
        s.append(String.format("  documents/s        %,12.1f%n", r.get("documents_per_second").asDouble()));
        s.append(String.format("  tokens/s           %,12.0f%n", r.get("tokens_per_second").asDouble()));
        r.get("stage_seconds").fields().forEachRemaining(e ->
                s.append(String.format("  stage %-20s %8.1f s%n", e.getKey(), e.getValue().asDouble())));
        JsonNode rows = r.path("table_rows");
        r.get("table_seconds").fields().forEachRemaining(e ->
                s.append(String.format("  table %-20s %8.1f s %,14d rows%n", e.getKey(), e.getValue().asDouble(),
                        rows.path(e.getKey()).asLong())));
        s.append(String.format("  JIT compilation    %12.1f s (compiler threads, during the job)%n", r.get("jit_compile_seconds").asDouble()));
        s.append(String.format("  GC                 %12.1f s%n", r.get("gc_seconds").asDouble()));
        s.append(String.format("  peak heap          %,12d MB (driver = executor in local mode)%n", r.get("peak_heap_mb").asLong()));
        s.append(String.format("  output size        %12.1f MB%n", r.get("output_mb").asDouble()));
        JsonNode engine = r.get("ner_engine");
        if (engine == null) {
            return s.toString();
        }
        s.append(String.format("  NER engine alone   %,12.0f tokens/s on 1 thread, %,.0f on %d cores (main model, no Spark)%n",
                engine.get("crf_one_thread_tokens_per_second").asDouble(),
                engine.get("crf_all_cores_tokens_per_second").asDouble(), r.get("cores").asInt()));
        if (engine.has("crf_pair_one_thread_tokens_per_second")) {
            s.append(String.format("  the job's NER pair %,12.0f tokens/s on 1 thread, %,.0f on %d cores (main x expert model, no Spark)%n",
                    engine.get("crf_pair_one_thread_tokens_per_second").asDouble(),
                    engine.get("crf_pair_all_cores_tokens_per_second").asDouble(), r.get("cores").asInt()));
        }
        s.append(String.format("  job / engine       %12.0f %%%n", 100 * r.get("job_share_of_engine_throughput").asDouble()));
        return s.toString();
    }
}
