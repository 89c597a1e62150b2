package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.RunOutput;
import org.apache.hadoop.conf.Configuration;

import java.time.Instant;
import java.util.UUID;

/**
 * The manifest of a run that failed before Spark started (its input is missing): status failed
 * and the error, in an attempt folder of its own, so a scheduler's log and the output agree.
 */
final class FailedRun {
    private FailedRun() {
    }

    /** Writes the manifest; returns a suffix for the error line naming it, or "" if it cannot be written. */
    static String record(JobConfig config, Exception error) {
        Manifest manifest = new Manifest();
        manifest.runId = UUID.randomUUID().toString();
        manifest.status = "failed";
        manifest.layout = config.output.layout;
        manifest.startedAt = Instant.now().toString();
        manifest.endedAt = manifest.startedAt;
        manifest.durationSeconds = 0.0;
        manifest.input.put("path", config.input.path);
        manifest.input.put("format", config.input.format.code());
        manifest.configuration = ConfigLoader.toTree(config);
        manifest.error = error.toString();
        Configuration hadoop = SparkSessions.hadoopConfigurationWithoutSession();
        RunOutput output = new RunOutput(config.output.path, config.output.layout, manifest.runId, null, hadoop);
        try {
            manifest.write(output.attemptDir(), hadoop);
            return " (manifest: " + output.attemptDir() + "/" + Manifest.FILE_NAME + ")";
        } catch (Exception e) { // the output may be unwritable too: the error line is what matters
            return "";
        }
    }
}
