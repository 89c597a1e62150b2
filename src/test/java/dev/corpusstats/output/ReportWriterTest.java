package dev.corpusstats.output;

import dev.corpusstats.testing.SampleRun;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.html embeds the run's final manifest: its status, where it was published and its whole duration. */
class ReportWriterTest {
    @Test
    void thePageShowsTheManifestAsPublished() throws Exception {
        String html = Files.readString(SampleRun.output().resolve(ReportWriter.FILE_NAME), StandardCharsets.UTF_8);
        Manifest manifest = Manifest.read(SampleRun.output().toString(), new Configuration());
        assertNotNull(manifest.durationSeconds);
        assertTrue(html.contains("\"duration_seconds\":" + manifest.durationSeconds), "the manifest's duration is on the page");
        assertTrue(html.contains("\"run_id\":\"" + manifest.runId + "\""));
        assertTrue(html.contains("\"status\":\"succeeded\""));
        assertTrue(html.contains("\"ended_at\":\"" + manifest.endedAt + "\""));
        assertEquals(manifest.stageSeconds.keySet(), java.util.Set.of("read", "nlp", "statistics_and_write", "report"));
    }
}
