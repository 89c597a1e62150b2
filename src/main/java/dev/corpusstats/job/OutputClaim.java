package dev.corpusstats.job;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.OutputRefusedException;
import dev.corpusstats.output.RunOutput;
import org.apache.hadoop.conf.Configuration;

import java.time.Instant;
import java.util.UUID;

/**
 * A run's claim on its output root, made before anything is written there: the output does not
 * overlap the input, and its root holds nothing the run would replace that the job did not make.
 * The job claims before Spark starts; {@link CorpusStatsPipeline#run()} claims for library callers.
 */
final class OutputClaim {
    private final String runId;
    private final String runName;

    private OutputClaim(String runId, String runName) {
        this.runId = runId;
        this.runName = runName;
    }

    /** @throws OutputRefusedException naming what is in the way; nothing is created */
    static OutputClaim check(JobConfig config, Configuration hadoop) {
        OverlapCheck.requireApart(config.input.path, config.output.path, hadoop);
        String runId = UUID.randomUUID().toString();
        String runName = config.output.runName != null ? config.output.runName : CorpusStatsPipeline.RUN_NAME.format(Instant.now());
        new RunOutput(config.output.path, config.output.layout, runId, runName, hadoop).requireOwnEntries();
        return new OutputClaim(runId, runName);
    }

    String runId() {
        return runId;
    }

    /** The run's folder name in the runs layout, fixed here because the ownership check looks at it. */
    String runName() {
        return runName;
    }
}
