package dev.corpusstats.output;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;

/**
 * The per-document analyses an incremental run reuses: one row per distinct text, keyed by
 * {@code content_sha256}, holding everything the NLP step computed from that text (counts, n-gram
 * counts, mentions, entities) and nothing that depends on the other documents. These rows are the
 * mergeable partial states of every corpus statistic: the corpus tables are sums over them, so a
 * run that reuses them and analyzes only new texts computes exactly what a full run computes.
 *
 * <p>Stored as {@code _state/document_analyses} beside the tables (the hidden parent keeps it out
 * of table globs; a leaf name without {@code _} is one Spark does not skip when reading it) and published with
 * them. The analyses are valid only for the settings and versions that made them, so the manifest
 * records a fingerprint of those and a run with a different one analyzes everything again.
 */
public final class DocumentAnalysesStore {
    /** The hidden folder for state kept between runs, published with the tables. */
    public static final String STATE_DIR = "_state";
    public static final String FOLDER = STATE_DIR + "/document_analyses";
    public static final String KEY = "content_sha256";

    private DocumentAnalysesStore() {
    }

    /** SHA-256 of everything the per-document analysis depends on, described as text by the caller. */
    public static String fingerprint(String analysisInputs) {
        return fingerprint(analysisInputs.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of bytes, as hex. */
    public static String fingerprint(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The analyses a previous run published under {@code previousDir}, if it kept them with the same
     * fingerprint; empty otherwise (no previous run, not incremental, or other settings).
     */
    public static Optional<Dataset<Row>> load(SparkSession spark, String previousDir, String fingerprint,
                                              StructType stateSchema) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        try {
            Manifest previous = Manifest.read(previousDir, conf);
            Path folder = new Path(previousDir, FOLDER);
            if (previous.incremental == null || !fingerprint.equals(previous.incremental.get("fingerprint"))
                    || !folder.getFileSystem(conf).exists(folder)) {
                return Optional.empty();
            }
            return Optional.of(spark.read().schema(stateSchema).parquet(folder.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the previous run's analyses under " + previousDir, e);
        }
    }

    /** Writes one row per distinct text of {@code analyzed} (same text, same analysis). */
    public static void write(Dataset<Row> analyzed, StructType stateSchema, String outputDir) {
        Column[] columns = Arrays.stream(stateSchema.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
        analyzed.select(columns).dropDuplicates(KEY)
                .write().mode(SaveMode.Overwrite).option("compression", "zstd")
                .parquet(new Path(outputDir, FOLDER).toString());
    }
}
