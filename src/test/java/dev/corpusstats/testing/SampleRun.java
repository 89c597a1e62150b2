package dev.corpusstats.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.job.CorpusStatsPipeline;
import dev.corpusstats.output.ReportWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real job output shared by the tests that only read it (report, notebook queries), with the
 * shipped configuration and a few overrides. Run once per test JVM. Its input:
 * <ul>
 *   <li>the seed, two short articles and an empty file: undated text files without facets;</li>
 *   <li>{@code wire.jsonl}: {@link #WIRE} stories, each with a {@code published} date and a
 *   {@code section} facet, four a week in ISO weeks 2026-W02, -W03, -W04 and -W06 (none in W05),
 *   plus one whose date cannot be read. "flood" is in three of W03's four stories and Volkswagen
 *   in all four of W04's (and one later), so each is a burst; the sections have distinct words.</li>
 * </ul>
 */
public final class SampleRun {
    public static final Path ROOT = Path.of("target", "sample-run");
    /** The wire stories: id, published, section, text. */
    public static final List<List<String>> WIRE = List.of(
            List.of("w01", "2026-01-05", "politics", "Chancellor Olaf Scholz met Emmanuel Macron in Berlin. Scholz and Macron discussed the budget and energy prices."),
            List.of("w02", "2026-01-07", "business", "Siemens reported higher orders in Munich. Siemens said demand for trains and turbines rose."),
            List.of("w03", "2026-01-08", "sport", "Liverpool beat Arsenal at Anfield. Mohamed Salah scored twice for Liverpool."),
            List.of("w04", "2026-01-09T16:30:00Z", "politics", "Emmanuel Macron visited Brussels to meet European Union leaders about the budget."),
            List.of("w05", "2026-01-12", "politics", "Heavy rain caused a flood in Cologne. Olaf Scholz visited the flood area with rescue teams."),
            List.of("w06", "2026-01-13", "business", "The flood closed the Siemens factory near Cologne for three days."),
            List.of("w07", "2026-01-15", "sport", "Arsenal beat Chelsea in London. Bukayo Saka scored for Arsenal."),
            List.of("w08", "2026-01-16", "politics", "Rescue teams in Bonn pumped water after the flood. Emmanuel Macron offered help to Olaf Scholz."),
            List.of("w09", "2026-01-19", "business", "Volkswagen recalled electric cars. Volkswagen said a software fault affected the brakes."),
            List.of("w10", "2026-01-20", "business", "Volkswagen shares fell in Frankfurt after the recall of electric cars."),
            List.of("w11", "2026-01-22", "politics", "Olaf Scholz asked Volkswagen to explain the recall to the Bundestag."),
            List.of("w12", "2026-01-23", "sport", "Volkswagen, the owner of VfL Wolfsburg, cut its sponsorship budget. Liverpool beat Chelsea."),
            List.of("w13", "2026-02-02", "sport", "Liverpool beat Arsenal in the cup. Mohamed Salah scored the winner at Anfield."),
            List.of("w14", "2026-02-04", "business", "Siemens and Volkswagen agreed a deal on charging stations in Munich."),
            List.of("w15", "2026-02-05", "politics", "Emmanuel Macron and Olaf Scholz signed an energy pact in Paris."),
            List.of("w16", "2026-02-06", "sport", "Chelsea signed a striker from Benfica. Chelsea fans welcomed the deal at Stamford Bridge."),
            List.of("w17", "next Tuesday", "business", "Siemens plans to open a research centre in Munich."));
    /** Accepted documents: the seed, london, kabul and the wire stories (the empty file is a reject). */
    public static final int DOCUMENTS = 3 + WIRE.size();
    private static Path output;

    private SampleRun() {
    }

    public static synchronized Path output() {
        if (output == null) {
            try {
                Path in = ROOT.resolve("in");
                Files.createDirectories(in);
                Files.copy(TestFiles.seedFile(), in.resolve("000_9e75ee7642a235e9.txt"), StandardCopyOption.REPLACE_EXISTING);
                TestFiles.write(in, "london.txt",
                        "Prime Minister Theresa May met Angela Merkel in London. May said Britain and Germany agree on peace talks.");
                TestFiles.write(in, "kabul.txt",
                        "Hamid Karzai spoke in Kabul on Monday. Karzai said the Taliban must join peace talks.");
                TestFiles.write(in, "empty.txt", new byte[0]);
                TestFiles.write(in, "wire.jsonl", wireLines());
                Path out = ROOT.resolve("out");
                Map<String, String> settings = new LinkedHashMap<>();
                settings.put("input.path", in.toString());
                settings.put("output.path", out.toString());
                settings.put("input.date_column", "published");
                settings.put("input.facet_columns", "[section]");
                // The shipped 5 would leave a sample this small with hardly any trends.
                settings.put("trends.min_doc_count", "3");
                new CorpusStatsPipeline(TestSpark.session(), ConfigLoader.load(Path.of("conf/corpus-stats.yaml"), settings)).run();
                output = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }

    /** The data embedded in the sample run's report.html, as the page's script reads it. */
    public static JsonNode reportData() throws IOException {
        String html = Files.readString(output().resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<script id=\"report-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("report.html embeds no data");
        }
        return new ObjectMapper().readTree(m.group(1));
    }

    private static String wireLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (List<String> story : WIRE) {
            lines.append(json.writeValueAsString(Map.of("id", story.get(0), "published", story.get(1),
                    "section", story.get(2), "text", story.get(3)))).append('\n');
        }
        return lines.toString();
    }
}
