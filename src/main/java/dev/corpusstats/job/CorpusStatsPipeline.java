package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.ingest.ReadCorpus;
import dev.corpusstats.ingest.ResolveDocuments;
import dev.corpusstats.nlp.AnalyzerSettings;
import dev.corpusstats.nlp.EntityEngines;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.OutputLockedException;
import dev.corpusstats.output.OutputRefusedException;
import dev.corpusstats.output.ReportWriter;
import dev.corpusstats.output.RunOutput;
import dev.corpusstats.output.Table;
import dev.corpusstats.output.TableWrites;
import dev.corpusstats.stats.AnalysisStore;
import dev.corpusstats.stats.AnalyzeDocuments;
import dev.corpusstats.stats.AnalyzeDocuments.CorpusSize;
import dev.corpusstats.stats.CorpusTables;
import dev.corpusstats.stats.DatingSummary;
import dev.corpusstats.stats.RunCaches;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.apache.spark.sql.functions.col;

/**
 * The job as its steps: read the corpus, resolve documents and rejects, analyze each document once
 * (or reuse its analysis), build the statistics tables and write them, the report and the manifest
 * into the run's attempt folder, then publish. Each step is a class of its own; this one only
 * strings them together and records what they did in the manifest.
 */
public final class CorpusStatsPipeline {
    /** The default run name: the start time in UTC, e.g. 20261129T014730Z (no ':' in Hadoop paths). */
    static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final JobConfig config;
    private String attemptDir;
    /** The running run's manifest until its outcome is being recorded: whoever takes it writes the failure. */
    private final AtomicReference<Manifest> unrecorded = new AtomicReference<>();
    /** Held while a failure is being recorded, by the run or by {@link #recordLostRun}. */
    private final Object recording = new Object();
    private volatile boolean published;
    private Instant start;

    public CorpusStatsPipeline(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /**
     * Runs the job: everything is written into the run's attempt folder, then published (see
     * {@link RunOutput}). A failed run publishes nothing; its attempt folder keeps only the
     * manifest, with the error. The returned manifest is the one written. The output root is
     * locked from before the run cleans up after killed runs until after its publish.
     *
     * @throws OutputRefusedException before anything is written, if the output overlaps the input or
     *     holds entries the run would replace that the job did not make (see {@link OutputClaim})
     * @throws OutputLockedException before anything is written, if another run holds the output's lock
     */
    public Manifest run() {
        try (OutputClaim claim = OutputClaim.check(config, spark.sparkContext().hadoopConfiguration()).lock()) {
            return run(claim);
        }
    }

    /** Runs the job on an output already claimed and locked (the job does so before Spark starts). */
    Manifest run(OutputClaim claim) {
        published = false;
        start = Instant.now();
        Manifest manifest = startManifest(start, claim);
        RunOutput output = new RunOutput(config.output.path, config.output.layout, manifest.runId, manifest.runName,
                spark.sparkContext().hadoopConfiguration());
        attemptDir = output.attemptDir();
        unrecorded.set(manifest);
        RunCaches caches = new RunCaches(); // added to by the table writes' threads too
        boolean publishing = false;
        try {
            List<String> recovered = output.recover();
            manifest.recovered = recovered.isEmpty() ? null : recovered;
            Optional<String> previous = output.previousPublished();

            Stages stages = new Stages(manifest);
            Records records = read(caches, manifest);
            stages.end("read");
            ResolveDocuments.Result resolved = ResolveDocuments.apply(records.rows());
            Dataset<Row> analysis = caches.persist(analyze(resolved.documents(), records.size(), previous, manifest),
                    StorageLevel.DISK_ONLY());
            Dataset<Row> analyzed = AnalyzeDocuments.succeeded(analysis);
            Dataset<Row> rejects = resolved.rejects().unionByName(AnalyzeDocuments.failures(analysis));
            CorpusTables tables = CorpusTables.of(config, analyzed, rejects, caches); // runs the analysis
            manifest.input.put("dates", DatingSummary.of(analyzed));
            stages.end("nlp");
            writeTables(tables, analyzed, manifest);
            stages.end("statistics_and_write");
            ReportWriter.Report report = null;
            if (config.output.report) {
                report = new ReportWriter(spark, attemptDir).query(config.output.reportDocuments, config.output.parallelWrites);
                stages.end("report");
            }

            manifest.status = "succeeded";
            manifest.publishedTo = output.publishedDir();
            manifest.publishedEntries = output.entries(report != null ? List.of(ReportWriter.FILE_NAME, Manifest.FILE_NAME)
                    : List.of(Manifest.FILE_NAME));
            finish(manifest, start);
            if (report != null) {
                report.write(manifest);
            }
            writeManifest(manifest, attemptDir);
            output.requireOwnEntries(); // again: something may have appeared in the root while the run worked
            if (unrecorded.getAndSet(null) == null) {
                throw new IllegalStateException("the JVM is shutting down: not publishing");
            }
            publishing = true; // from here a lost JVM leaves the publish to the next run's recovery
            output.publish();
            published = true;
            return manifest;
        } catch (Throwable e) { // Spark rethrows checked SparkExceptions undeclared
            manifest.status = "failed";
            manifest.publishedTo = null;
            manifest.publishedEntries = null;
            manifest.error = e.toString();
            finish(manifest, start);
            synchronized (recording) { // a shutdown hook waits for this write before the JVM halts
                if (!publishing && unrecorded.getAndSet(null) != null) { // an interrupted publish is finished by the next run
                    try {
                        output.discardTables();
                        writeManifest(manifest, attemptDir);
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
            }
            throw e;
        } finally {
            caches.unpersistAll(published);
        }
    }

    /** True once {@link #run} has published its output. */
    public boolean published() {
        return published;
    }

    /**
     * Records the run as failed when the JVM shuts down under it (a fatal error in a task makes
     * Spark exit the JVM; a signal does too): its attempt keeps only a failed manifest, as after any
     * other failure. If the run is recording a failure of its own, this waits until it is written;
     * it does nothing if the run already recorded its outcome or is publishing.
     */
    public void recordLostRun(String why) {
        synchronized (recording) { // if the run is recording its own failure, it finishes first
            Manifest manifest = unrecorded.getAndSet(null);
            if (manifest != null) {
                writeLostRun(manifest, why);
            }
        }
    }

    private void writeLostRun(Manifest manifest, String why) {
        manifest.status = "failed";
        manifest.publishedTo = null;
        manifest.error = why;
        finish(manifest, start);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try (FileSystem fs = FileSystem.newInstance(new org.apache.hadoop.fs.Path(attemptDir).toUri(), conf)) {
            for (FileStatus entry : fs.listStatus(new org.apache.hadoop.fs.Path(attemptDir))) {
                fs.delete(entry.getPath(), true);
            }
            manifest.write(attemptDir, conf);
        } catch (IOException | RuntimeException e) {
            // the JVM is going down: the error line is what is left
        }
    }

    /** Where the last run's failed manifest is (its attempt folder), for the error message. */
    public String failedManifestPath() {
        return attemptDir + "/" + Manifest.FILE_NAME;
    }

    private Manifest startManifest(Instant start, OutputClaim claim) {
        Manifest manifest = new Manifest();
        manifest.runId = claim.runId();
        manifest.runName = claim.runName();
        manifest.layout = config.output.layout;
        manifest.startedAt = start.toString();
        manifest.configuration = ConfigLoader.toTree(config);
        manifest.versions = Versions.of(spark.version());
        manifest.input.put("path", config.input.path);
        manifest.input.put("format", config.input.format.code());
        return manifest;
    }

    /**
     * The read step: the corpus as source records, cached on local disk (they carry every document's
     * text; on the heap they would crowd out the run on a large corpus) and counted, which reads them.
     */
    private Records read(RunCaches caches, Manifest manifest) {
        ReadCorpus.Result read = ReadCorpus.apply(spark, config);
        manifest.input.put("files", read.inputFiles());
        manifest.input.put("skipped_hidden", read.skippedHidden());
        Dataset<Row> records = caches.persist(read.records(), StorageLevel.DISK_ONLY());
        return new Records(records, CorpusSize.of(records.filter(col("reject_reason").isNull())));
    }

    /**
     * The read step's source records ({@link ReadCorpus#SCHEMA}), cached, and how many of them are not
     * rejected, with their bytes: at most the documents to analyze.
     */
    private record Records(Dataset<Row> rows, CorpusSize size) {
    }

    /**
     * The analyze step, as a plan. Incremental runs reuse the previous output's per-document analyses
     * when they were made with the same settings and versions, and analyze only texts without one.
     *
     * @param records the read records not rejected, which bound the documents (they size the NLP tasks)
     */
    private Dataset<Row> analyze(Dataset<Row> documents, CorpusSize records, Optional<String> previous, Manifest manifest) {
        AnalyzerSettings settings = AnalyzerSettings.from(config);
        manifest.entityModel = config.entities.enabled ? EntityEngines.describe(settings.entities()) : null;
        if (!config.output.incremental) {
            return AnalyzeDocuments.apply(documents, settings, records);
        }
        manifest.incremental = new LinkedHashMap<>();
        return new AnalysisStore(spark, config, manifest.versions).analyze(documents, settings, previous, manifest.incremental);
    }

    /** The tables step: every table written, a few at once, then the analyses an incremental run keeps. */
    private void writeTables(CorpusTables tables, Dataset<Row> analyzed, Manifest manifest) {
        TableWrites writes = new TableWrites(attemptDir);
        for (Table table : CorpusTables.WRITE_ORDER) {
            writes.add(table, () -> tables.plan(table));
        }
        for (TableWrites.Written table : writes.run(spark.sparkContext(), config.output.parallelWrites).values()) {
            manifest.tables.put(table.table().folder(), new Manifest.TableInfo(table.table().folder(), table.rows(), table.seconds()));
        }
        if (config.output.incremental) {
            AnalysisStore.write(analyzed, attemptDir);
        }
        manifest.input.put("corpus_documents", tables.corpusDocumentCount());
    }

    private static void finish(Manifest manifest, Instant start) {
        Instant end = Instant.now();
        manifest.endedAt = end.toString();
        manifest.durationSeconds = Duration.between(start, end).toMillis() / 1000.0;
    }

    private void writeManifest(Manifest manifest, String dir) {
        try {
            manifest.write(dir, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Manifest.FILE_NAME + " to " + dir, e);
        }
    }

    /** Each stage's wall time, in the manifest: a stage ends where the next begins. */
    private static final class Stages {
        private final Manifest manifest;
        private long start = System.nanoTime();

        Stages(Manifest manifest) {
            this.manifest = manifest;
        }

        void end(String stage) {
            long now = System.nanoTime();
            manifest.stageSeconds.put(stage, Math.round((now - start) / 1e6) / 1000.0);
            start = now;
        }
    }
}
