package dev.corpusstats.job;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.ingest.ReadCorpus;
import dev.corpusstats.ingest.RejectsTable;
import dev.corpusstats.ingest.ResolveDocuments;
import dev.corpusstats.nlp.AnalyzerSettings;
import dev.corpusstats.nlp.EntityKeys;
import dev.corpusstats.nlp.EntitySettings;
import dev.corpusstats.nlp.StopWords;
import dev.corpusstats.output.DocumentAnalysesStore;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.ReportWriter;
import dev.corpusstats.output.RunOutput;
import dev.corpusstats.output.Table;
import dev.corpusstats.output.TableWrites;
import dev.corpusstats.stats.AnalyzeDocuments;
import dev.corpusstats.stats.CollocationsTable;
import dev.corpusstats.stats.DocTermCounts;
import dev.corpusstats.stats.DocTermsTable;
import dev.corpusstats.stats.DocEntitiesTable;
import dev.corpusstats.stats.DocumentsTable;
import dev.corpusstats.stats.EntitiesTable;
import dev.corpusstats.stats.EntityLinks;
import dev.corpusstats.stats.EntityCooccurrenceTable;
import dev.corpusstats.stats.EntityMentionsTable;
import dev.corpusstats.stats.EntityTermsTable;
import dev.corpusstats.stats.TermsTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The job as a few named steps: read the corpus, resolve documents and rejects, analyze each
 * document once (or reuse its analysis), derive the statistics tables, write them, the report and
 * the manifest into the run's attempt folder, then publish.
 */
public final class CorpusStatsPipeline {
    /** The default run name: the start time in UTC, e.g. 20261129T014730Z (no ':' in Hadoop paths). */
    static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SparkSession spark;
    private final JobConfig config;
    private String attemptDir;

    public CorpusStatsPipeline(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /**
     * Runs the job: everything is written into the run's attempt folder, then published (see
     * {@link RunOutput}). A failed run publishes nothing; its attempt folder keeps only the
     * manifest, with the error. The returned manifest is the one written.
     */
    public Manifest run() {
        Instant start = Instant.now();
        Manifest manifest = new Manifest();
        manifest.runId = UUID.randomUUID().toString();
        manifest.runName = config.output.runName != null ? config.output.runName : RUN_NAME.format(start);
        manifest.layout = config.output.layout;
        manifest.startedAt = start.toString();
        manifest.configuration = ConfigLoader.toTree(config);
        manifest.versions = Versions.of(spark.version());
        manifest.input.put("path", config.input.path);
        manifest.input.put("format", config.input.format);
        RunOutput output = new RunOutput(config.output.path, config.output.layout, manifest.runId, manifest.runName,
                spark.sparkContext().hadoopConfiguration());
        attemptDir = output.attemptDir();
        RunCaches cached = new RunCaches(); // added to by the table writes' threads too (writeTables)
        boolean publishing = false;
        try {
            List<String> recovered = output.recover();
            manifest.recovered = recovered.isEmpty() ? null : recovered;
            String dir = output.attemptDir();
            writeTables(manifest, cached, dir, output.previousPublished());
            if (config.output.report) {
                long reportStart = System.nanoTime();
                manifest.status = "succeeded"; // what the report shows; set before it is written
                new ReportWriter(spark, dir).write(manifest, config.output.reportDocuments, config.output.parallelWrites);
                stage(manifest, "report", reportStart);
            }
            manifest.status = "succeeded";
            manifest.publishedTo = output.publishedDir();
            finish(manifest, start);
            writeManifest(manifest, dir);
            publishing = true;
            output.publish();
            return manifest;
        } catch (Throwable e) { // Spark rethrows checked SparkExceptions undeclared
            manifest.status = "failed";
            manifest.publishedTo = null;
            manifest.error = e.toString();
            finish(manifest, start);
            if (!publishing) { // an interrupted publish is finished by the next run, so its files stay
                try {
                    output.discardTables();
                    writeManifest(manifest, output.attemptDir());
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        } finally {
            cached.unpersistAll();
        }
    }

    /** Where the last run's failed manifest is (its attempt folder), for the error message. */
    public String failedManifestPath() {
        return attemptDir + "/" + Manifest.FILE_NAME;
    }

    private static void finish(Manifest manifest, Instant start) {
        Instant end = Instant.now();
        manifest.endedAt = end.toString();
        manifest.durationSeconds = Duration.between(start, end).toMillis() / 1000.0;
    }

    private void writeTables(Manifest manifest, RunCaches cached, String dir, Optional<String> previous) {
        ReadCorpus.Result read = ReadCorpus.apply(spark, config);
        manifest.input.put("files", read.inputFiles());
        // The two datasets that carry every document's text (records, analyzed) are kept on local disk
        // only: on the heap they are what made a 16× corpus run out of a 2 GB driver, and reading them
        // back from local disk costs little next to the NLP they save.
        Dataset<Row> records = cached.persist(read.records(), StorageLevel.DISK_ONLY());
        long stageStart = System.nanoTime();
        // Materializes the read (cached), so that read and NLP are timed apart; the count sizes the NLP tasks.
        long recordCount = records.count();
        stageStart = stage(manifest, "read", stageStart);
        ResolveDocuments.Result resolved = ResolveDocuments.apply(records);

        AnalyzerSettings analyzerSettings = analyzerSettings();
        Dataset<Row> analyzed = cached.persist(analyze(resolved.documents(), recordCount, analyzerSettings, previous, manifest), StorageLevel.DISK_ONLY());
        Dataset<Row> corpusDocuments = DocTermCounts.corpusDocuments(analyzed, config.dedupe.countDuplicatesOnce);
        // N (documents) and N₁ (unigram occurrences) in one pass: Σ term_count = Σ terms.total_count for n = 1.
        Row totals = corpusDocuments.agg(count(lit(1)), coalesce(sum("term_count"), lit(0L))).first();
        long corpusDocs = totals.getLong(0);
        long unigramOccurrences = totals.getLong(1);
        stageStart = stage(manifest, "nlp", stageStart);
        // Not cached: exploding the analyzed documents' term counts again (for terms and doc_terms)
        // costs less than building a columnar cache of them (1,000 CNN articles: statistics 14.1-14.4 s
        // against 14.6-16.0 s).
        Dataset<Row> docTermCounts = DocTermCounts.from(corpusDocuments);
        // Each table's plan, and the cached datasets several tables share, are built by the first
        // write that needs them, on its own thread (TableWrites, OnFirstUse): planning overlaps the
        // writes already running.
        Supplier<Dataset<Row>> terms = new OnFirstUse<>(() -> cached.persist(TermsTable.from(docTermCounts, corpusDocs)));
        Supplier<Dataset<Row>> links = new OnFirstUse<>(() -> cached.persist(EntityLinks.from(DocEntitiesTable.from(corpusDocuments))));
        // Not repartitioned by doc_id before caching: it saved the co-occurrence self-joins a shuffle
        // (16×: 0–2 s, within noise), but a cached plan keeps all its partitions, so entity_mentions
        // came out as spark.sql.shuffle.partitions small files.
        Supplier<Dataset<Row>> mentions = new OnFirstUse<>(() -> cached.persist(EntityLinks.relink(EntityMentionsTable.mentions(corpusDocuments), links.get())));
        Supplier<Dataset<Row>> docEntities = new OnFirstUse<>(() -> cached.persist(EntityLinks.relinkDocEntities(DocEntitiesTable.from(corpusDocuments), links.get())));
        TableWrites writes = new TableWrites(dir)
                .add(Table.DOCUMENTS, () -> DocumentsTable.from(analyzed, config.output.keepText))
                .add(Table.REJECTS, () -> RejectsTable.from(resolved.rejects()))
                .add(Table.TERMS, terms)
                .add(Table.DOC_TERMS, () -> DocTermsTable.from(docTermCounts, terms.get()))
                .add(Table.COLLOCATIONS, () -> CollocationsTable.from(terms.get(), config.collocations.minCount, unigramOccurrences))
                .add(Table.ENTITY_MENTIONS, () -> EntityMentionsTable.from(mentions.get()))
                .add(Table.DOC_ENTITIES, docEntities)
                .add(Table.ENTITIES, () -> EntitiesTable.from(mentions.get(), docEntities.get()))
                .add(Table.ENTITY_COOCCURRENCE, () -> EntityCooccurrenceTable.from(mentions.get(), docEntities.get(), corpusDocs))
                .add(Table.ENTITY_TERMS, () -> EntityTermsTable.from(corpusDocuments, terms.get(), config.entities.topTerms, unigramOccurrences, links.get()));
        for (TableWrites.Written table : writes.run(spark.sparkContext(), config.output.parallelWrites).values()) {
            manifest.tables.put(table.table().folder(), new Manifest.TableInfo(table.table().folder(), table.rows(), table.seconds()));
        }
        if (config.output.incremental) {
            DocumentAnalysesStore.write(analyzed, AnalyzeDocuments.STATE_SCHEMA, dir);
        }
        stage(manifest, "statistics_and_write", stageStart);
        manifest.input.put("corpus_documents", corpusDocs);
        manifest.entityModel = config.entities.enabled ? analyzerSettings.entities().describe() : null;
    }

    /**
     * The NLP step. Incremental runs reuse the previous output's per-document analyses when they
     * were made with the same settings and versions, and analyze only texts without one.
     */
    private Dataset<Row> analyze(Dataset<Row> documents, long maxDocuments, AnalyzerSettings settings,
                                 Optional<String> previous, Manifest manifest) {
        if (!config.output.incremental) {
            return AnalyzeDocuments.apply(documents, settings, maxDocuments);
        }
        String fingerprint = DocumentAnalysesStore.fingerprint(analysisInputs());
        Optional<Dataset<Row>> stored = previous.flatMap(dir -> DocumentAnalysesStore.load(spark, dir, fingerprint, AnalyzeDocuments.STATE_SCHEMA));
        Map<String, Object> incremental = new LinkedHashMap<>();
        incremental.put("fingerprint", fingerprint);
        incremental.put("previous", stored.isPresent() ? previous.get() : null);
        manifest.incremental = incremental;
        if (stored.isEmpty()) {
            long all = documents.count();
            incremental.put("documents_reused", 0L);
            incremental.put("documents_analyzed", all);
            return AnalyzeDocuments.apply(documents, settings, all);
        }
        long total = documents.count();
        long fresh = AnalyzeDocuments.withoutStoredAnalysis(documents, stored.get()).count();
        incremental.put("documents_reused", total - fresh);
        incremental.put("documents_analyzed", fresh);
        return AnalyzeDocuments.reusing(documents, stored.get(), settings, fresh);
    }

    /**
     * Everything a document's analysis depends on besides its text: the terms and entities
     * settings, the contents of the files they name, the versions of the job and of CoreNLP, and
     * {@link AnalyzeDocuments#ANALYSIS_VERSION}.
     */
    private String analysisInputs() {
        StringBuilder inputs = new StringBuilder();
        inputs.append(ConfigLoader.toTree(config).get("terms")).append('\n');
        inputs.append(ConfigLoader.toTree(config).get("entities")).append('\n');
        // Files named in the settings (models given as files, too): their contents, not just their names.
        for (String file : new String[] {config.terms.stopWordsFile, config.entities.aliasFile,
                config.entities.model, config.entities.expertModel, config.entities.miscRetypeModel}) {
            if (file != null && Files.isRegularFile(Path.of(file))) {
                try {
                    inputs.append(DocumentAnalysesStore.fingerprint(Files.readAllBytes(Path.of(file)))).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        Map<String, String> versions = Versions.of(spark.version());
        inputs.append(versions.get("corpus_stats")).append(' ').append(versions.get("corenlp"))
                .append(' ').append(AnalyzeDocuments.ANALYSIS_VERSION);
        return inputs.toString();
    }

    /** Records a stage's wall time in the manifest; returns the next stage's start. */
    private static long stage(Manifest manifest, String name, long start) {
        long now = System.nanoTime();
        manifest.stageSeconds.put(name, Math.round((now - start) / 1e6) / 1000.0);
        return now;
    }

    /** Small settings read on the driver (stop words, aliases) and shipped to executors with the tasks. */
    private AnalyzerSettings analyzerSettings() {
        try {
            StopWords stopWords = config.terms.stopWordsFile == null
                    ? StopWords.snowballEnglish()
                    : StopWords.fromFile(Path.of(config.terms.stopWordsFile));
            EntitySettings entities = EntitySettings.off();
            if (config.entities.enabled) {
                EntityKeys keys = config.entities.aliasFile == null
                        ? EntityKeys.withoutAliases()
                        : EntityKeys.fromAliasFile(Path.of(config.entities.aliasFile));
                entities = new EntitySettings(config.entities.model, config.entities.expertModel, config.entities.miscRetypeModel,
                        config.entities.documentRules, keys);
            }
            return new AnalyzerSettings(stopWords, config.terms.maxN, entities);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a file named in the configuration: " + e.getMessage(), e);
        }
    }

    private void writeManifest(Manifest manifest, String dir) {
        try {
            manifest.write(dir, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Manifest.FILE_NAME + " to " + dir, e);
        }
    }
}
