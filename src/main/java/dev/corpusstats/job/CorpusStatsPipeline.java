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
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.ReportWriter;
import dev.corpusstats.output.Table;
import dev.corpusstats.output.TableWriter;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * The job as a few named steps: read the corpus, resolve documents and rejects, analyze each
 * document once, derive the statistics tables, write them, then the manifest.
 */
public final class CorpusStatsPipeline {
    private final SparkSession spark;
    private final JobConfig config;

    public CorpusStatsPipeline(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Runs the job; the returned manifest is also written to the output root. */
    public Manifest run() {
        Manifest manifest = new Manifest();
        manifest.runId = UUID.randomUUID().toString();
        Instant start = Instant.now();
        manifest.startedAt = start.toString();
        manifest.configuration = ConfigLoader.toTree(config);
        manifest.versions = Versions.of(spark.version());
        manifest.input.put("path", config.input.path);
        manifest.input.put("format", config.input.format);
        List<Dataset<?>> cached = new ArrayList<>();
        try {
            writeTables(manifest, cached);
            manifest.status = "succeeded";
        } catch (Throwable e) { // Spark rethrows checked SparkExceptions undeclared
            manifest.status = "failed";
            manifest.error = e.toString();
            throw e;
        } finally {
            Instant end = Instant.now();
            manifest.endedAt = end.toString();
            manifest.durationSeconds = Duration.between(start, end).toMillis() / 1000.0;
            cached.forEach(Dataset::unpersist);
            if (config.output.report && "succeeded".equals(manifest.status)) {
                long reportStart = System.nanoTime();
                new ReportWriter(spark, config.output.path).write(manifest, config.output.reportDocuments);
                stage(manifest, "report", reportStart);
            }
            writeManifest(manifest);
        }
        return manifest;
    }

    private void writeTables(Manifest manifest, List<Dataset<?>> cached) {
        ReadCorpus.Result read = ReadCorpus.apply(spark, config);
        manifest.input.put("files", read.inputFiles());
        Dataset<Row> records = cache(read.records(), StorageLevel.DISK_ONLY(), cached);
        long stageStart = System.nanoTime();
        records.count(); // materializes the read (cached), so that read and NLP are timed apart
        stageStart = stage(manifest, "read", stageStart);
        ResolveDocuments.Result resolved = ResolveDocuments.apply(records);

        AnalyzerSettings analyzerSettings = analyzerSettings();
        Dataset<Row> analyzed = cache(AnalyzeDocuments.apply(resolved.documents(), analyzerSettings), StorageLevel.DISK_ONLY(), cached);
        Dataset<Row> corpusDocuments = DocTermCounts.corpusDocuments(analyzed, config.dedupe.countDuplicatesOnce);
        // N (documents) and N₁ (unigram occurrences) in one pass: Σ term_count = Σ terms.total_count for n = 1.
        Row totals = corpusDocuments.agg(count(lit(1)), coalesce(sum("term_count"), lit(0L))).first();
        long corpusDocs = totals.getLong(0);
        long unigramOccurrences = totals.getLong(1);
        stageStart = stage(manifest, "nlp", stageStart);
        Dataset<Row> docTermCounts = cache(DocTermCounts.from(corpusDocuments), cached);
        Dataset<Row> terms = cache(TermsTable.from(docTermCounts, corpusDocs), cached);

        write(manifest, Table.DOCUMENTS, DocumentsTable.from(analyzed, config.output.keepText));
        write(manifest, Table.REJECTS, RejectsTable.from(resolved.rejects()));
        write(manifest, Table.TERMS, terms);
        write(manifest, Table.DOC_TERMS, DocTermsTable.from(docTermCounts, terms));
        write(manifest, Table.COLLOCATIONS, CollocationsTable.from(terms, config.collocations.minCount, unigramOccurrences));

        Dataset<Row> links = cache(EntityLinks.from(DocEntitiesTable.from(corpusDocuments)), cached);
        Dataset<Row> mentions = cache(EntityLinks.relink(EntityMentionsTable.mentions(corpusDocuments), links), cached);
        Dataset<Row> docEntities = cache(EntityLinks.relinkDocEntities(DocEntitiesTable.from(corpusDocuments), links), cached);
        write(manifest, Table.ENTITY_MENTIONS, EntityMentionsTable.from(mentions));
        write(manifest, Table.DOC_ENTITIES, docEntities);
        write(manifest, Table.ENTITIES, EntitiesTable.from(mentions, docEntities));
        write(manifest, Table.ENTITY_COOCCURRENCE, EntityCooccurrenceTable.from(mentions, docEntities, corpusDocs));
        write(manifest, Table.ENTITY_TERMS, EntityTermsTable.from(corpusDocuments, terms, config.entities.topTerms, unigramOccurrences, links));
        stage(manifest, "statistics_and_write", stageStart);
        manifest.input.put("corpus_documents", corpusDocs);
        manifest.entityModel = config.entities.enabled ? analyzerSettings.entities().describe() : null;
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
                entities = new EntitySettings(config.entities.model, config.entities.miscRetypeModel,
                        config.entities.documentRules, keys);
            }
            return new AnalyzerSettings(stopWords, config.terms.maxN, entities);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a file named in the configuration: " + e.getMessage(), e);
        }
    }

    private static Dataset<Row> cache(Dataset<Row> data, List<Dataset<?>> cached) {
        return cache(data, StorageLevel.MEMORY_AND_DISK(), cached);
    }

    /**
     * The two datasets that carry every document's text (records, analyzed) are kept on local disk
     * only: on the heap they are what made a 16× corpus run out of a 2 GB driver, and reading them
     * back from local disk costs little next to the NLP they save.
     */
    private static Dataset<Row> cache(Dataset<Row> data, StorageLevel level, List<Dataset<?>> cached) {
        Dataset<Row> persisted = data.persist(level);
        cached.add(persisted);
        return persisted;
    }

    private void write(Manifest manifest, Table table, Dataset<Row> data) {
        long start = System.nanoTime();
        long rows = TableWriter.write(data, table, config.output.path);
        double seconds = Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
        manifest.tables.put(table.folder(), new Manifest.TableInfo(table.folder(), rows, seconds));
    }

    private void writeManifest(Manifest manifest) {
        try {
            manifest.write(config.output.path, spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + Manifest.FILE_NAME + " to " + config.output.path, e);
        }
    }
}
