package dev.corpusstats.stats;

import dev.corpusstats.config.ConfigLoader;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.AnalyzerSettings;
import dev.corpusstats.output.Manifest;
import dev.corpusstats.output.RunOutput;
import dev.corpusstats.stats.AnalyzeDocuments.CorpusSize;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * The per-document analyses an incremental run keeps and reuses: one row per distinct text, keyed by
 * {@code content_sha256}, holding everything the NLP step computed from that text (counts, n-gram
 * counts, mentions, entities; {@link AnalyzeDocuments#STATE_SCHEMA}) and nothing that depends on the
 * other documents. These rows are the mergeable partial states of every corpus statistic: the corpus
 * tables are sums over them, so a run that reuses them and analyzes only new texts computes exactly
 * what a full run computes.
 *
 * <p>Stored as {@code _state/document_analyses} beside the tables (the hidden parent keeps it out of
 * table globs; a leaf name without {@code _} is one Spark does not skip when reading it) and
 * published with them. Analyses are valid only for the settings and versions that made them: the
 * manifest records their {@link #fingerprint}, and a run with another one analyzes everything again.
 */
public final class AnalysisStore {
    public static final String FOLDER = RunOutput.STATE_DIR + "/document_analyses";
    static final String KEY = "content_sha256";

    private final SparkSession spark;
    private final String fingerprint;

    /** @param versions the job's and libraries' versions, as the manifest records them */
    public AnalysisStore(SparkSession spark, JobConfig config, Map<String, String> versions) {
        this.spark = spark;
        this.fingerprint = fingerprint(config, versions);
    }

    /**
     * The analyzed documents, as a plan: reusing the analyses that the run published under
     * {@code previousDir} kept with this fingerprint; texts without one (new or changed) are analyzed.
     *
     * @param manifestEntry the manifest's {@code incremental} entry, filled in as the facts are known:
     *                      {@code fingerprint}, {@code previous} (the output reused from, or null), then
     *                      {@code documents_reused} and {@code documents_analyzed}
     */
    public Dataset<Row> analyze(Dataset<Row> documents, AnalyzerSettings settings, Optional<String> previousDir,
                                Map<String, Object> manifestEntry) {
        Optional<Dataset<Row>> stored = previousDir.flatMap(this::load);
        manifestEntry.put("fingerprint", fingerprint);
        manifestEntry.put("previous", stored.isPresent() ? previousDir.get() : null);
        CorpusSize total = CorpusSize.of(documents);
        CorpusSize fresh = stored.isEmpty() ? total : CorpusSize.of(AnalyzeDocuments.withoutStoredAnalysis(documents, stored.get()));
        CorpusSize reused = new CorpusSize(total.documents() - fresh.documents(), total.bytes() - fresh.bytes());
        manifestEntry.put("documents_reused", reused.documents());
        manifestEntry.put("documents_analyzed", fresh.documents());
        return stored.isEmpty()
                ? AnalyzeDocuments.apply(documents, settings, total)
                : AnalyzeDocuments.reusing(documents, stored.get(), settings, fresh, reused);
    }

    /**
     * The analyses a previous run published under {@code previousDir}, if it kept them with the same
     * fingerprint; empty otherwise (not incremental, or other settings).
     */
    Optional<Dataset<Row>> load(String previousDir) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Manifest previous = Manifest.read(previousDir, conf);
            Path folder = new Path(previousDir, FOLDER);
            if (previous.incremental == null || !fingerprint.equals(previous.incremental.get("fingerprint"))
                    || !folder.getFileSystem(conf).exists(folder)) {
                return Optional.empty();
            }
            return Optional.of(spark.read().schema(AnalyzeDocuments.STATE_SCHEMA).parquet(folder.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the previous run's analyses under " + previousDir, e);
        }
    }

    /** Writes one row per distinct text of {@code analyzed} (same text, same analysis) under {@code outputDir}. */
    public static void write(Dataset<Row> analyzed, String outputDir) {
        Column[] columns = Arrays.stream(AnalyzeDocuments.STATE_SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
        analyzed.select(columns).dropDuplicates(KEY)
                .write().mode(SaveMode.Overwrite).option("compression", "zstd")
                .parquet(new Path(outputDir, FOLDER).toString());
    }

    /**
     * Everything a document's analysis depends on besides its text, hashed: the terms and entities
     * settings, the contents of the files they name (models given as files too), the versions of the
     * job and of CoreNLP, and {@link AnalyzeDocuments#ANALYSIS_VERSION}.
     */
    static String fingerprint(JobConfig config, Map<String, String> versions) {
        StringBuilder inputs = new StringBuilder();
        inputs.append(ConfigLoader.toTree(config).get("terms")).append('\n');
        inputs.append(ConfigLoader.toTree(config).get("entities")).append('\n');
        for (String file : new String[] {config.terms.stopWordsFile, config.entities.aliasFile,
                config.entities.model, config.entities.expertModel, config.entities.miscRetypeModel}) {
            java.nio.file.Path path = file == null ? null : java.nio.file.Path.of(file);
            if (path != null && Files.isRegularFile(path)) {
                try {
                    inputs.append(sha256(Files.readAllBytes(path))).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        }
        inputs.append(versions.get("corpus_stats")).append(' ').append(versions.get("corenlp"))
                .append(' ').append(AnalyzeDocuments.ANALYSIS_VERSION);
        return sha256(inputs.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
