package dev.corpusstats.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.corpusstats.config.CommandLine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler definitions in jobs/ name the real entry point and only options the job accepts. */
class SchedulerDefinitionsTest {
    private static final Pattern OPTION = Pattern.compile("\"(--[a-z-]+)\"");

    @Test
    void kubernetesSparkApplicationRunsTheJobWithValidArguments() throws Exception {
        JsonNode app = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("jobs/kubernetes/corpus-stats-sparkapplication.yaml").toFile());
        JsonNode template = app.get("spec").get("template");
        assertEquals(CorpusStatsJob.class.getName(), template.get("mainClass").asText());
        List<String> args = new ArrayList<>();
        template.get("arguments").forEach(a -> args.add(a.asText()));
        CommandLine parsed = CommandLine.parse(args);
        assertEquals("true", parsed.overrides().get("output.incremental"));
        assertEquals("runs", parsed.overrides().get("output.layout"));
    }

    @Test
    void airflowDagSubmitsTheJobWithValidOptions() throws Exception {
        String dag = Files.readString(Path.of("jobs/airflow/corpus_stats_dag.py"));
        assertTrue(dag.contains("java_class=\"" + CorpusStatsJob.class.getName() + "\""));
        Matcher m = OPTION.matcher(dag.substring(dag.indexOf("application_args")));
        List<String> options = new ArrayList<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        assertEquals(List.of("--conf", "--input", "--output", "--layout", "--run-name", "--incremental"), options);
        CommandLine.parse(List.of("--conf", "c.yaml", "--input", "i", "--output", "o", "--layout", "runs",
                "--run-name", "2026-11-29", "--incremental"));
    }

    @Test
    void cronEntryPassesValidJobOptions() throws Exception {
        String entry = Files.readAllLines(Path.of("jobs/nightly.cron")).stream()
                .filter(l -> l.startsWith("30 2 * * *")).findFirst().orElseThrow();
        String jobArgs = entry.substring(entry.indexOf(" -- ") + 4, entry.indexOf(" >>"))
                .replace("$(date +\\%F)", "2026-11-29"); // what the shell substitutes
        List<String> args = List.of(jobArgs.split(" +"));
        CommandLine parsed = CommandLine.parse(args);
        assertEquals("runs", parsed.overrides().get("output.layout"));
        assertEquals("true", parsed.overrides().get("output.incremental"));
    }
}
