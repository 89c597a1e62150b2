package dev.corpusstats.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpusstats.testing.SampleRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * report.html in a real browser: headless Chromium (Debian's package; .ci/run installs it) loads the
 * page from disk with the network off, the test checks that every chart rendered without a script
 * error and shows the tables' values, and keeps a screenshot at target/report-screenshot.png.
 * Skipped where Chromium is missing.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static String dom;

    @BeforeAll
    static void runJobAndLoadReport() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed (apt-get install chromium); browser test skipped");
        Path page = SampleRun.output().resolve(ReportWriter.FILE_NAME).toAbsolutePath();
        assertTrue(Files.size(page) > 10_000);
        dom = chromium("--dump-dom", page);
        chromium("--screenshot=" + Path.of("target", "report-screenshot.png").toAbsolutePath(), page);
    }

    /** Runs headless Chromium on a local file, network features off, bounded to 90 s; returns stdout. */
    private static String chromium(String action, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        // Tall enough that the screenshot reaches the time and facet parts.
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1300,4600", action, page.toUri().toString()));
        Path stdout = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish in 90 s");
        } finally {
            p.destroyForcibly();
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void everyChartRendersWithoutScriptErrors() {
        assertTrue(dom.contains("data-rendered=\"ok\""), "the page's script did not finish");
        assertTrue(dom.contains("data-errors=\"0\""), "script errors on the page");
        assertTrue(count("class=\"bar\"") >= 10, "bar charts");
        assertTrue(count("class=\"node\"") >= 10, "network nodes");
        assertTrue(count("class=\"edge\"") >= 10, "network edges");
        assertEquals(SampleRun.DOCUMENTS, count("class=\"doc-row\""), "one row per document");
        assertTrue(dom.contains("Hamid Karzai") && dom.contains("taliban") && dom.contains("peace council"));
        assertTrue(dom.contains(">empty<"), "rejects chart names the reason");
        assertTrue(Pattern.compile("id=\"run-line\"[^>]*>[^<]* · \\d+(\\.\\d+)? s<").matcher(dom).find(),
                "the run line shows the run's duration");
    }

    @Test
    void theTimePartShowsPeriodsTrendsAndBursts() {
        assertTrue(dom.contains("16 of 20 documents dated (undated: no_date_field 3, unparseable 1) · 5 weeks: 2026-W02 to 2026-W06"),
                "the time line counts dated documents and periods");
        assertEquals(5, count("class=\"period-bar\""), "a bar per period, the empty week included");
        assertTrue(dom.contains("2026-W04 (from 2026-01-19): 4 documents, 55 tokens"), "a bar's title has the period's counts");
        assertEquals(5, count("class=\"trend-line\""), "five entities' trend lines");
        assertTrue(count("class=\"trend\"") >= 3 && count("class=\"trend-point\"") >= 15, "polylines and their points");
        assertTrue(dom.contains("Volkswagen (6 mentions)") && dom.contains("Olaf Scholz (6 mentions)"), "the legend names each line");
        assertTrue(dom.contains("Volkswagen · 2026-W04: 4 of 4 documents (100%), 5 mentions"), "a point's title has its counts");
        String bursts = element("table", "bursts-table");
        assertTrue(bursts.contains(">Volkswagen</span>") && bursts.contains(">flood<") && bursts.contains(">2026-W03<")
                && bursts.contains(">2.77<"), bursts);
        assertFalse(dom.contains("id=\"no-trends\"") || dom.contains("id=\"no-bursts\""));
    }

    @Test
    void theFacetsPartShowsEachValueAndCollapsesPeriods() {
        assertTrue(dom.contains("<details class=\"facet\" data-facet=\"section\" open=\"\">"), "section open");
        assertTrue(dom.contains("<details class=\"facet\" data-facet=\"period\">"), "period collapsed");
        assertTrue(dom.contains("<summary>section · 3 values</summary>") && dom.contains("<summary>period · 4 values</summary>"));
        assertEquals(3 + 4, count("class=\"facet-value\""), "a card per value: three sections, four weeks");
        assertTrue(Pattern.compile("<h3>politics<span class=\"muted\"> · 6 documents</span></h3><table class=\"facet-terms\"><tr>"
                + ".*?<td>scholz</td><td class=\"num\">6</td><td class=\"num\">5</td><td class=\"num\">24.3</td>").matcher(dom).find(),
                "politics' top term with its count, documents and G²");
        assertTrue(dom.contains(">Olaf Scholz</span>") && dom.contains("<td>flood</td>"));
        assertTrue(dom.contains("no term or entity over-represented"), "a week without characteristic terms says so");
    }

    /** Without dates or facets each part is one line: the page built from the sample's data with those emptied. */
    @Test
    void withoutDatesOrFacetsEachPartSaysSoInOneLine() throws Exception {
        ObjectNode data = (ObjectNode) SampleRun.reportData();
        ObjectNode time = (ObjectNode) data.get("time");
        time.put("period_count", 0);
        time.putArray("periods");
        time.putArray("entity_trends");
        time.putArray("bursts");
        data.putArray("facets");
        ((ObjectNode) data.at("/manifest/input")).putObject("dates").put("dated", 0).put("no_date_field", 3);
        String template;
        try (var in = ReportWriter.class.getResourceAsStream(ReportWriter.TEMPLATE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path page = Files.writeString(Path.of("target", "report-undated.html").toAbsolutePath(),
                template.replace(ReportWriter.PLACEHOLDER, ReportWriter.embedded(data)), StandardCharsets.UTF_8);
        String undated = chromium("--dump-dom", page);
        assertTrue(undated.contains("data-rendered=\"ok\"") && undated.contains("data-errors=\"0\""));
        assertTrue(undated.contains("<div class=\"muted\" id=\"time-line\">No dated documents (undated: no_date_field 3): "), undated);
        assertTrue(undated.contains("<div id=\"time-parts\"></div>"), "no chart, no table");
        assertTrue(undated.contains("<div class=\"muted\" id=\"facets-line\">No facets: "));
        assertTrue(undated.contains("<div id=\"facet-list\"></div>"));
        assertTrue(undated.contains("class=\"doc-row\""), "the rest of the page as before");
    }

    @Test
    void thePageNeedsNoNetwork() throws IOException {
        String html = Files.readString(SampleRun.output().resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external scripts, styles or images");
        assertTrue(Files.size(Path.of("target", "report-screenshot.png")) > 50_000, "screenshot saved");
    }

    /** The outer HTML of the element with this tag and id. */
    private static String element(String tag, String id) {
        int start = dom.indexOf("<" + tag + " id=\"" + id + "\"");
        assertTrue(start >= 0, "no " + tag + " #" + id);
        return dom.substring(start, dom.indexOf("</" + tag + ">", start));
    }

    private static int count(String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(dom);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
