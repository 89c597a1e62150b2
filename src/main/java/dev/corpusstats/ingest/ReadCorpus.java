package dev.corpusstats.ingest;

import dev.corpusstats.config.JobConfig;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The read step: the input path becomes a DataFrame of {@link #SCHEMA source records}, one per input file
 * or record, each a document or a reject. The driver lists files; executors read and decode them.
 */
public final class ReadCorpus {

    /** A document's facet value. */
    public static final StructType FACET = new StructType()
            .add("facet", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, false);

    /**
     * Reader output: documents have a null reject_reason. A document's date: {@code published_at}
     * (UTC), or null and the reason in {@code date_issue} ({@link Dating}) with the value read in
     * {@code date_value}; both null when the input names no date.
     */
    public static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("doc_id", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, true)
            .add("encoding", DataTypes.StringType, true)
            .add("byte_count", DataTypes.LongType, false)
            .add("content_sha256", DataTypes.StringType, true)
            .add("published_at", DataTypes.TimestampType, true)
            .add("date_issue", DataTypes.StringType, true)
            .add("date_value", DataTypes.StringType, true)
            .add("facets", DataTypes.createArrayType(FACET, false), false)
            .add("reject_reason", DataTypes.StringType, true)
            .add("reject_detail", DataTypes.StringType, true);

    /** Files per read task, so that one huge directory still spreads over all cores. */
    static final int TASKS_PER_CORE = 4;

    private ReadCorpus() {
    }

    /**
     * @return the source records, the number of input entries listed and of hidden names skipped (for the manifest)
     * @throws InputMissingException if the input path matches nothing
     */
    public static Result apply(SparkSession spark, JobConfig config) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        InputLister.Listing listing = InputLister.list(config.input.path, config.input.format, jsc.hadoopConfiguration());
        List<InputFile> files = listing.files();
        Broadcast<SerializableHadoopConf> hadoopConf = jsc.broadcast(new SerializableHadoopConf(jsc.hadoopConfiguration()));
        JobConfig.Input settings = config.input;
        Instant latest = settings.latestInstant(Instant.now());
        int slices = Math.max(1, Math.min(files.size(), jsc.defaultParallelism() * TASKS_PER_CORE));
        JavaRDD<Row> rows = jsc.parallelize(files, slices).flatMap(file ->
                rows(new RecordReader(settings, hadoopConf.value().get(), latest).read(file)));
        return new Result(spark.createDataFrame(rows, SCHEMA), files.size(), listing.skippedHidden());
    }

    /**
     * Source records; how many input entries were listed (files to read and entries rejected while
     * listing: each yields at least one record); how many hidden names were skipped.
     */
    public record Result(Dataset<Row> records, int inputFiles, int skippedHidden) {
    }

    /** A file's records as rows, converted as Spark consumes them (a file's records are never all held). */
    private static Iterator<Row> rows(Iterator<SourceRecord> records) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public Row next() {
                return toRow(records.next());
            }
        };
    }

    static Row toRow(SourceRecord r) {
        Dating dating = r.dating();
        List<Row> facets = new ArrayList<>(r.facets().size());
        for (Facet f : r.facets()) {
            facets.add(RowFactory.create(f.facet(), f.value()));
        }
        return RowFactory.create(r.source(), r.docId(), r.title(), r.text(), r.encoding(), r.byteCount(),
                r.text() == null ? null : sha256(r.text()),
                dating == null || dating.publishedAt() == null ? null : Timestamp.from(dating.publishedAt()),
                dating == null ? null : dating.issue(), dating == null ? null : dating.value(),
                CollectionConverters.asScala(facets).toSeq(), r.rejectReason(), r.rejectDetail());
    }

    /** Hex SHA-256 of the text's UTF-8 bytes: identical content, identical hash, whatever the source encoding. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
