package dev.corpusstats.output;

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
 * error, and keeps a screenshot at target/report-screenshot.png. Skipped where Chromium is missing.
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
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1300,2600", action, page.toUri().toString()));
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
    void thePageNeedsNoNetwork() throws IOException {
        String html = Files.readString(SampleRun.output().resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external scripts, styles or images");
        assertTrue(Files.size(Path.of("target", "report-screenshot.png")) > 50_000, "screenshot saved");
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
