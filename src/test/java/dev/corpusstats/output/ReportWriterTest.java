package dev.corpusstats.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corpusstats.testing.SampleRun;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html embeds the run's final manifest (its status, where it was published and its whole
 * duration), and embeds any data safely: nothing in a string can end the script or open a comment,
 * and every string is bounded.
 */
class ReportWriterTest {
    @Test
    void noValueCanBreakOutOfThePagesScript() throws Exception {
        ObjectNode data = new ObjectMapper().createObjectNode();
        data.put("title", "<!-- a comment opened, then <script>alert(1)</script> & more");
        data.putArray("names").add("</script>").add("x".repeat(10_000));
        String json = ReportWriter.embedded(data);
        assertFalse(json.contains("<") || json.contains(">"), json);
        JsonNode back = new ObjectMapper().readTree(json);
        assertEquals("<!-- a comment opened, then <script>alert(1)</script> & more", back.get("title").asText());
        assertEquals("</script>", back.get("names").get(0).asText());
        assertEquals("x".repeat(ReportWriter.MAX_STRING - 1) + "…", back.get("names").get(1).asText());
    }

    @Test
    void stringsAreCutByCodePointsNeverInsideOne() throws Exception {
        String emoji = "\uD83D\uDE00";
        ObjectNode data = new ObjectMapper().createObjectNode();
        data.put("exact", emoji.repeat(ReportWriter.MAX_STRING));
        data.put("over", emoji.repeat(ReportWriter.MAX_STRING + 1));
        JsonNode back = new ObjectMapper().readTree(ReportWriter.embedded(data));
        assertEquals(emoji.repeat(ReportWriter.MAX_STRING), back.get("exact").asText(), "at the bound: kept whole");
        assertEquals(emoji.repeat(ReportWriter.MAX_STRING - 1) + "…", back.get("over").asText());
    }

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
