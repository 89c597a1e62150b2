package dev.corpusstats.job;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.output.OutputLock;
import dev.corpusstats.output.OutputLockedException;
import dev.corpusstats.output.OutputRefusedException;
import dev.corpusstats.output.RunOutput;
import org.apache.hadoop.conf.Configuration;

import java.time.Instant;
import java.util.UUID;

/**
 * A run's claim on its output root, made before anything is written there: the output does not
 * overlap the input, its root holds nothing the run would replace that the job did not make, and,
 * once {@link #lock() locked}, no other run writes into it until {@link #close()}. The job claims
 * before Spark starts; {@link CorpusStatsPipeline#run()} claims for library callers.
 */
final class OutputClaim implements AutoCloseable {
    private final String runId;
    private final String runName;
    private final String outputPath;
    private final Configuration hadoop;
    private OutputLock lock;

    private OutputClaim(String runId, String runName, String outputPath, Configuration hadoop) {
        this.runId = runId;
        this.runName = runName;
        this.outputPath = outputPath;
        this.hadoop = hadoop;
    }

    /** @throws OutputRefusedException naming what is in the way; nothing is created */
    static OutputClaim check(JobConfig config, Configuration hadoop) {
        OverlapCheck.requireApart(config.input.path, config.output.path, hadoop);
        String runId = UUID.randomUUID().toString();
        String runName = config.output.runName != null ? config.output.runName : CorpusStatsPipeline.RUN_NAME.format(Instant.now());
        new RunOutput(config.output.path, config.output.layout, runId, runName, hadoop).requireOwnEntries();
        return new OutputClaim(runId, runName, config.output.path, hadoop);
    }

    /**
     * Takes the output root's lock, held until {@link #close()}.
     *
     * @throws OutputLockedException if another run holds it; nothing is touched then
     */
    OutputClaim lock() {
        if (lock == null) {
            lock = OutputLock.acquire(outputPath, hadoop, runId);
        }
        return this;
    }

    String runId() {
        return runId;
    }

    /** The run's folder name in the runs layout, fixed here because the ownership check looks at it. */
    String runName() {
        return runName;
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
