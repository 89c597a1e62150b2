package dev.corpusstats.nlp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpusstats.config.Arguments;
import dev.corpusstats.config.ConfigException;
import dev.corpusstats.nlp.html.Article;
import dev.corpusstats.nlp.html.ArticleExtractor;
import dev.corpusstats.nlp.html.HtmlCharset;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@code jobs/eval-extraction.sh [--data DIR] [--json OUT] [--misses OUT]}: runs the main-text
 * extractor ({@link ArticleExtractor}) on trafilatura's evaluation set (its {@code evaldata.json}
 * and gzipped pages under {@code html/}) and scores it their way ({@link SnippetScores}), overall
 * and on the English pages (those whose declared language, {@code <html lang>} or its fallbacks, is
 * {@code en} or {@code en-*}), with the date accuracy on the pages that have a gold date (the
 * extracted day equals it), pages per second and the peak heap. {@code --misses OUT} writes, per
 * page, the snippets scored wrong and the extracted text, to study the errors.
 */
public final class ExtractionEvaluation {
    private ExtractionEvaluation() {
    }

    static final String USAGE = "usage: eval-extraction [--data DIR] [--json OUT] [--misses OUT]";
    static final Path DEFAULT_DATA = Path.of("../shared/data/html/trafilatura-eval");
    /** The F1 scores trafilatura's evaluation.rst publishes for this set (990 pages, 2026-08-04). */
    static final Map<String, Double> PUBLISHED_F1 = Map.of(
            "trafilatura 2.2.0 (standard)", 0.924, "readability-lxml 0.8.4.1", 0.826, "goose3 3.1.22", 0.810,
            "newspaper4k 0.9.6", 0.801);

    /** One gold page: where its HTML is, its snippets and its gold date (null when none). */
    record GoldPage(String url, Path file, List<String> with, List<String> without, LocalDate date) {
    }

    /** The scores of one run. */
    record Result(int pages, int englishPages, SnippetScores all, SnippetScores english, int noText,
                  int datedPages, int datesFound, int datesCorrect, double seconds, long peakHeapBytes,
                  double slowestSeconds, String slowestUrl) {
        double pagesPerSecond() {
            return seconds == 0 ? 0 : pages / seconds;
        }
    }

    public static void main(String[] args) throws IOException {
        Path data = DEFAULT_DATA;
        Path json = null;
        Path misses = null;
        try {
            Arguments options = new Arguments(List.of(args));
            while (options.hasNext()) {
                String option = options.next();
                switch (option) {
                    case "--data" -> data = options.path(option);
                    case "--json" -> json = options.path(option);
                    case "--misses" -> misses = options.path(option);
                    default -> throw new ConfigException("unknown option " + option);
                }
            }
            if (!Files.isRegularFile(data.resolve("evaldata.json"))) {
                throw new ConfigException("no evaldata.json in " + data);
            }
        } catch (ConfigException e) {
            System.err.println("eval-extraction: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        List<GoldPage> pages = read(data);
        List<byte[]> html = new ArrayList<>();
        for (GoldPage page : pages) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(page.file()))) {
                html.add(in.readAllBytes());
            }
        }
        ArticleExtractor extractor = new ArticleExtractor();
        evaluate(pages, html, extractor, null); // warm-up pass: JIT-compile before timing
        resetPeaks();
        Result result;
        if (misses != null) {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(misses))) {
                result = evaluate(pages, html, extractor, out);
            }
        } else {
            result = evaluate(pages, html, extractor, null);
        }
        System.out.println(format(data, result));
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), toJson(data, result));
        }
    }

    static List<GoldPage> read(Path data) throws IOException {
        JsonNode root = new ObjectMapper().readTree(data.resolve("evaldata.json").toFile());
        List<GoldPage> pages = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode page = entry.getValue();
            String gold = page.hasNonNull("date") ? page.get("date").asText().trim() : "";
            LocalDate date = gold.isEmpty() ? null : goldDate(gold);
            pages.add(new GoldPage(entry.getKey(), data.resolve("html").resolve(page.get("file").asText() + ".gz"),
                    strings(page.get("with")), strings(page.get("without")), date));
        }
        return pages;
    }

    /**
     * A gold date, y-m-d. Four of the 728 are written otherwise ("2022-01.26", "2022-11-1", and
     * "2022-29-11", "2022-25-10" with day and month swapped), read here as the day they mean.
     */
    static LocalDate goldDate(String gold) {
        String[] parts = gold.split("[-./]");
        if (parts.length != 3) {
            throw new IllegalArgumentException("unreadable gold date " + gold);
        }
        int month = Integer.parseInt(parts[1]);
        int day = Integer.parseInt(parts[2]);
        return month > 12 ? LocalDate.of(Integer.parseInt(parts[0]), day, month) : LocalDate.of(Integer.parseInt(parts[0]), month, day);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static Result evaluate(List<GoldPage> pages, List<byte[]> html, ArticleExtractor extractor, PrintWriter misses) {
        SnippetScores all = SnippetScores.ZERO;
        SnippetScores english = SnippetScores.ZERO;
        int englishPages = 0;
        int noText = 0;
        int dated = 0;
        int datesFound = 0;
        int datesCorrect = 0;
        long nanos = 0;
        long slowest = 0;
        String slowestUrl = "";
        for (int i = 0; i < pages.size(); i++) {
            GoldPage page = pages.get(i);
            long start = System.nanoTime();
            Article article = extractor.extract(HtmlCharset.decode(html.get(i)).text(), page.url());
            long took = System.nanoTime() - start;
            nanos += took;
            if (took > slowest) {
                slowest = took;
                slowestUrl = page.url();
            }
            SnippetScores scores = SnippetScores.of(article.text(), page.with(), page.without());
            all = all.plus(scores);
            boolean isEnglish = article.language().equals("en") || article.language().startsWith("en-");
            if (isEnglish) {
                english = english.plus(scores);
                englishPages++;
            }
            if (!article.hasMainText()) {
                noText++;
            }
            LocalDate found = article.published().map(d -> d.day()).orElse(null);
            if (page.date() != null) {
                dated++;
                if (found != null) {
                    datesFound++;
                    if (found.equals(page.date())) {
                        datesCorrect++;
                    }
                }
            }
            if (misses != null) {
                writeMisses(misses, page, article, found);
            }
        }
        return new Result(pages.size(), englishPages, all, english, noText, dated, datesFound, datesCorrect,
                nanos / 1e9, peakHeap(), slowest / 1e9, slowestUrl);
    }

    private static void writeMisses(PrintWriter out, GoldPage page, Article article, LocalDate found) {
        List<String> wrong = new ArrayList<>();
        for (String s : page.with()) {
            if (!article.text().contains(s)) {
                wrong.add("  missing: " + s);
            }
        }
        for (String s : page.without()) {
            if (article.text().contains(s)) {
                wrong.add("  unwanted: " + s);
            }
        }
        boolean dateWrong = page.date() != null && !page.date().equals(found);
        if (wrong.isEmpty() && !dateWrong) {
            return;
        }
        out.println("== " + page.url() + " (" + page.file().getFileName() + ", lang " + article.language() + ")");
        wrong.forEach(out::println);
        if (dateWrong) {
            out.println("  date: gold " + page.date() + ", found " + article.published().map(d -> d.day() + " from " + d.source()
                    + " '" + d.raw() + "'").orElse("none"));
        }
        if (!wrong.isEmpty()) {
            String text = article.text();
            out.println("  --- text (" + text.length() + " chars)");
            out.println(text.length() > 3000 ? text.substring(0, 3000) + " [...]" : text);
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peak usage since the last reset. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static String format(Path data, Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("extraction on %s: %d pages, %d English (declared language en), %d without main text%n",
                data, r.pages(), r.englishPages(), r.noText()));
        out.append(String.format("%-32s %9s %9s %9s %9s   %s%n", "", "precision", "recall", "F1", "accuracy", "tp/fn/fp/tn"));
        line(out, "all pages", r.all());
        line(out, "English pages", r.english());
        out.append("published F1 on all pages (trafilatura evaluation.rst):");
        PUBLISHED_F1.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(" %s %.3f;", e.getKey(), e.getValue())));
        out.append('\n');
        out.append(String.format("dates: %d of %d gold dates right (%.3f); %d found%n", r.datesCorrect(), r.datedPages(),
                r.datedPages() == 0 ? 0 : (double) r.datesCorrect() / r.datedPages(), r.datesFound()));
        out.append(String.format("speed: %.1f pages/s (decode and extract, one thread, %.2f s; slowest page %.3f s, %s);"
                        + " peak heap %d MiB", r.pagesPerSecond(), r.seconds(), r.slowestSeconds(), r.slowestUrl(),
                r.peakHeapBytes() >> 20));
        return out.toString();
    }

    private static void line(StringBuilder out, String name, SnippetScores s) {
        out.append(String.format("%-32s %9.4f %9.4f %9.4f %9.4f   %d/%d/%d/%d%n", name, s.precision(), s.recall(), s.f1(),
                s.accuracy(), s.truePositives(), s.falseNegatives(), s.falsePositives(), s.trueNegatives()));
    }

    static ObjectNode toJson(Path data, Result r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("data", data.toString());
        root.put("pages", r.pages());
        root.put("english_pages", r.englishPages());
        root.put("pages_without_main_text", r.noText());
        root.set("all", scores(mapper, r.all()));
        root.set("english", scores(mapper, r.english()));
        root.put("dated_pages", r.datedPages());
        root.put("dates_found", r.datesFound());
        root.put("dates_correct", r.datesCorrect());
        root.put("pages_per_second", r.pagesPerSecond());
        root.put("peak_heap_bytes", r.peakHeapBytes());
        root.put("slowest_page_seconds", r.slowestSeconds());
        root.put("slowest_page_url", r.slowestUrl());
        ObjectNode published = root.putObject("published_f1");
        PUBLISHED_F1.forEach(published::put);
        return root;
    }

    private static ObjectNode scores(ObjectMapper mapper, SnippetScores s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("true_positives", s.truePositives());
        node.put("false_negatives", s.falseNegatives());
        node.put("false_positives", s.falsePositives());
        node.put("true_negatives", s.trueNegatives());
        node.put("precision", s.precision());
        node.put("recall", s.recall());
        node.put("f1", s.f1());
        node.put("accuracy", s.accuracy());
        return node;
    }
}
