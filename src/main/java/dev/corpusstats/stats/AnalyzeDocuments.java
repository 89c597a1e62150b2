package dev.corpusstats.stats;

import dev.corpusstats.ingest.ReadCorpus;
import dev.corpusstats.ingest.RejectReason;
import dev.corpusstats.nlp.AnalyzerSettings;
import dev.corpusstats.nlp.DocumentAnalysis;
import dev.corpusstats.nlp.DocumentAnalyzer;
import dev.corpusstats.nlp.entities.DocEntity;
import dev.corpusstats.nlp.entities.EntityMention;
import dev.corpusstats.nlp.entities.EntityTermCount;
import dev.corpusstats.nlp.text.TermCount;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The analyze step: runs the NLP core over every accepted document, once. Its output carries each
 * document's columns, its counts, its n-gram term counts and its entities; every table is derived
 * from it, so the pipeline caches it.
 */
public final class AnalyzeDocuments {
    static final StructType TERM_COUNT = new StructType()
            .add("term", DataTypes.StringType, false)
            .add("n", DataTypes.IntegerType, false)
            .add("count", DataTypes.IntegerType, false)
            .add("tf", DataTypes.DoubleType, false);

    static final StructType MENTION = new StructType()
            .add("sentence", DataTypes.IntegerType, false)
            .add("begin", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false)
            .add("type", DataTypes.StringType, false)
            .add("canonical", DataTypes.StringType, false)
            .add("entity_id", DataTypes.StringType, false);

    static final StructType ENTITY_TERM = new StructType()
            .add("entity_id", DataTypes.StringType, false)
            .add("term", DataTypes.StringType, false)
            .add("count", DataTypes.IntegerType, false);

    static final StructType DOC_ENTITY = new StructType()
            .add("entity_id", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("type", DataTypes.StringType, false)
            .add("mentions", DataTypes.IntegerType, false)
            .add("first_begin", DataTypes.IntegerType, false)
            .add("salience", DataTypes.DoubleType, false);

    /** Columns read from the accepted documents, in order. */
    static final String[] INPUT_COLUMNS = {"doc_id", "source", "title", "text", "encoding", "byte_count",
            "content_sha256", "duplicate_of", "published_at", "date_issue", "date_value", "facets"};

    public static final StructType SCHEMA = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, false)
            .add("encoding", DataTypes.StringType, false)
            .add("byte_count", DataTypes.LongType, false)
            .add("content_sha256", DataTypes.StringType, false)
            .add("duplicate_of", DataTypes.StringType, true)
            .add("published_at", DataTypes.TimestampType, true)
            .add("date_issue", DataTypes.StringType, true)
            .add("date_value", DataTypes.StringType, true)
            .add("facets", DataTypes.createArrayType(ReadCorpus.FACET, false), false)
            .add("char_count", DataTypes.IntegerType, false)
            .add("sentence_count", DataTypes.IntegerType, false)
            .add("token_count", DataTypes.IntegerType, false)
            .add("term_count", DataTypes.IntegerType, false)
            .add("distinct_term_count", DataTypes.IntegerType, false)
            .add("terms", DataTypes.createArrayType(TERM_COUNT, false), false)
            .add("mentions", DataTypes.createArrayType(MENTION, false), false)
            .add("entity_terms", DataTypes.createArrayType(ENTITY_TERM, false), false)
            .add("entities", DataTypes.createArrayType(DOC_ENTITY, false), false);

    /** Null, or why a document's analysis failed ({@link #apply}'s output only; such a document becomes a reject). */
    public static final String ANALYSIS_ERROR = "analysis_error";

    /** What {@link #apply} produces: {@link #SCHEMA} and {@link #ANALYSIS_ERROR}. */
    public static final StructType OUTPUT_SCHEMA = SCHEMA.add(ANALYSIS_ERROR, DataTypes.StringType, true);

    /**
     * What an incremental run keeps per distinct text: the content hash and every column the NLP
     * step computes, none of the columns read from the input (those are read afresh each run).
     */
    public static final StructType STATE_SCHEMA = stateSchema();

    /**
     * Bumped whenever a change to the NLP core changes what a document's analysis holds, so that
     * incremental runs stop reusing analyses made by the older code (part of the fingerprint,
     * {@link AnalysisStore}).
     */
    public static final int ANALYSIS_VERSION = 5;

    /** Analysis tasks per core: enough for the cores to finish together despite uneven documents. */
    static final int PARTITIONS_PER_CORE = 4;

    /**
     * Fewest documents given a task of their own beyond one per core. A small corpus gets fewer
     * tasks: each task, and each empty one a single document would otherwise leave, costs every later
     * stage that reads the cached analyses a task too.
     */
    static final int MIN_DOCUMENTS_PER_TASK = 16;

    /**
     * Most input bytes per analysis task. A task's analyses are cached as one columnar batch, about
     * twenty times the size of its texts (n-gram counts, mentions, entities), that is built and then
     * read back whole by every later stage over the analyses: bounding a task's text bounds the heap
     * each of those tasks needs, however large the corpus.
     */
    static final long MAX_BYTES_PER_TASK = 4L << 20;

    private AnalyzeDocuments() {
    }

    /**
     * Every document analyzed; a document whose analysis throws (anything, an {@link Error} too) has
     * empty analysis columns and the error in {@link #ANALYSIS_ERROR}, and the other documents are
     * analyzed as usual. {@link #succeeded} and {@link #failures} split the result.
     *
     * @param expected how many documents there are, and their bytes, at most (sizes the NLP step's
     *                 tasks, {@link #analysisPartitions})
     */
    public static Dataset<Row> apply(Dataset<Row> documents, AnalyzerSettings settings, CorpusSize expected) {
        MapPartitionsFunction<Row, Row> analyze = rows -> {
            DocumentAnalyzer analyzer = settings.newAnalyzer();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return analyze(analyzer::analyze, rows.next());
                }
            };
        };
        // NLP is the job's most expensive step: give it its own number of tasks, whatever
        // partitioning the listing and the doc_id window left (adaptive execution may merge those).
        int partitions = analysisPartitions(documents.sparkSession().sparkContext().defaultParallelism(), expected);
        return documents.selectExpr(INPUT_COLUMNS)
                .repartition(partitions)
                .mapPartitions(analyze, Encoders.row(OUTPUT_SCHEMA));
    }

    /** The documents analyzed without error, as {@link #SCHEMA} rows. */
    public static Dataset<Row> succeeded(Dataset<Row> analyzed) {
        return analyzed.filter(functions.col(ANALYSIS_ERROR).isNull()).drop(ANALYSIS_ERROR);
    }

    /** The documents whose analysis failed, as rejects ({@code ingest.ReadCorpus.SCHEMA}, reason {@code analysis_failed}). */
    public static Dataset<Row> failures(Dataset<Row> analyzed) {
        return analyzed.filter(functions.col(ANALYSIS_ERROR).isNotNull()).select(
                functions.col("source"), functions.col("doc_id"), functions.col("title"),
                functions.lit(null).cast(DataTypes.StringType).as("text"), functions.col("encoding"),
                functions.col("byte_count"), functions.col("content_sha256"), functions.col("published_at"),
                functions.col("date_issue"), functions.col("date_value"), functions.col("facets"),
                functions.lit(RejectReason.ANALYSIS_FAILED.code()).as("reject_reason"),
                functions.col(ANALYSIS_ERROR).as("reject_detail"));
    }

    /**
     * Tasks for the NLP step: {@value #PARTITIONS_PER_CORE} per core; fewer when that would give a
     * task fewer than {@value #MIN_DOCUMENTS_PER_TASK} documents, but still one per core while there
     * are documents for every core, so that no core idles; more when a task would otherwise get over
     * {@link #MAX_BYTES_PER_TASK} bytes (while there are documents for them); at least one.
     */
    static int analysisPartitions(int cores, CorpusSize expected) {
        long documents = expected.documents();
        long byCount = ceilDiv(documents, MIN_DOCUMENTS_PER_TASK);
        long wanted = Math.max(Math.min(documents, cores), byCount);
        long perCore = Math.max(1, Math.min((long) cores * PARTITIONS_PER_CORE, wanted));
        long byBytes = Math.min(documents, ceilDiv(expected.bytes(), MAX_BYTES_PER_TASK));
        return (int) Math.min(Integer.MAX_VALUE, Math.max(perCore, byBytes));
    }

    /** ⌈a / b⌉ for a ≥ 0, b > 0, without overflow. */
    private static long ceilDiv(long a, long b) {
        return a / b + (a % b == 0 ? 0 : 1);
    }

    /** How many documents a step expects, and their bytes ({@code byte_count}), at most. */
    public record CorpusSize(long documents, long bytes) {
        /** The documents' count and Σ byte_count, in one pass. */
        public static CorpusSize of(Dataset<Row> documents) {
            Row size = documents.agg(functions.count(functions.lit(1)),
                    functions.coalesce(functions.sum("byte_count"), functions.lit(0L))).first();
            return new CorpusSize(size.getLong(0), size.getLong(1));
        }
    }

    /**
     * The incremental variant: documents whose text has an analysis in {@code stored} (rows of
     * {@link #STATE_SCHEMA}) take it from there; only the others ({@link #withoutStoredAnalysis}) are
     * analyzed. The result has the same rows as {@link #apply} on all documents, since an analysis
     * depends on the text alone.
     */
    public static Dataset<Row> reusing(Dataset<Row> documents, Dataset<Row> stored, AnalyzerSettings settings,
                                       CorpusSize fresh, CorpusSize reusedSize) {
        Column[] columns = Arrays.stream(SCHEMA.fieldNames()).map(functions::col).toArray(Column[]::new);
        // The join's tasks hold the reused analyses as the NLP tasks hold theirs: as many as their
        // bytes need, not the shuffle partitions.
        int partitions = analysisPartitions(documents.sparkSession().sparkContext().defaultParallelism(), reusedSize);
        Column key = functions.col("content_sha256");
        Dataset<Row> joined = documents.selectExpr(INPUT_COLUMNS).repartition(partitions, key)
                .join(stored.repartition(partitions, key), "content_sha256").select(columns);
        // Parquet reads every column as nullable: back to the analysis schema, so that incremental
        // and full runs write the same Parquet schema (required columns stay required).
        Dataset<Row> reused = documents.sparkSession().createDataFrame(joined.javaRDD(), SCHEMA)
                .withColumn(ANALYSIS_ERROR, functions.lit(null).cast(DataTypes.StringType));
        return apply(withoutStoredAnalysis(documents, stored), settings, fresh).unionByName(reused);
    }

    /** The documents whose text has no analysis in {@code stored}: new or changed texts. */
    public static Dataset<Row> withoutStoredAnalysis(Dataset<Row> documents, Dataset<Row> stored) {
        Dataset<Row> keys = stored.select("content_sha256");
        return documents.join(keys, documents.col("content_sha256").equalTo(keys.col("content_sha256")), "left_anti");
    }

    private static StructType stateSchema() {
        List<String> input = Arrays.asList(INPUT_COLUMNS);
        StructType state = new StructType().add(SCHEMA.apply("content_sha256"));
        for (StructField field : SCHEMA.fields()) {
            if (!input.contains(field.name())) {
                state = state.add(field);
            }
        }
        return state;
    }

    /** One document's output row: its analysis, or empty columns and the error. */
    static Row analyze(Function<String, DocumentAnalysis> analyzer, Row doc) {
        String text = doc.getString(3);
        DocumentAnalysis a;
        try {
            a = analyzer.apply(text);
        } catch (Throwable t) {
            if (t instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                throw t; // the task is being cancelled
            }
            return failed(doc, t);
        }
        List<Row> terms = new ArrayList<>(a.terms().size());
        for (TermCount t : a.terms()) {
            terms.add(RowFactory.create(t.term(), t.n(), t.count(), t.tf()));
        }
        List<Row> mentions = new ArrayList<>(a.mentions().size());
        for (EntityMention m : a.mentions()) {
            mentions.add(RowFactory.create(m.sentence(), m.begin(), m.end(), m.text(), m.type(), m.canonical(), m.entityId()));
        }
        List<Row> entityTerms = new ArrayList<>(a.entityTerms().size());
        for (EntityTermCount t : a.entityTerms()) {
            entityTerms.add(RowFactory.create(t.entityId(), t.term(), t.count()));
        }
        List<Row> entities = new ArrayList<>(a.entities().size());
        for (DocEntity e : a.entities()) {
            entities.add(RowFactory.create(e.entityId(), e.name(), e.type(), e.mentions(), e.firstBegin(), e.salience()));
        }
        Object[] values = inputValues(doc);
        int i = INPUT_COLUMNS.length;
        values[i++] = text.codePointCount(0, text.length());
        values[i++] = a.sentenceCount();
        values[i++] = a.tokenCount();
        values[i++] = a.termCount();
        values[i++] = a.distinctTermCount();
        values[i++] = seq(terms);
        values[i++] = seq(mentions);
        values[i++] = seq(entityTerms);
        values[i] = seq(entities);
        return RowFactory.create(values);
    }

    /** The document's columns, its length, zero counts and empty lists, and the error. */
    private static Row failed(Row doc, Throwable error) {
        Object[] values = inputValues(doc);
        String text = doc.getString(3);
        values[INPUT_COLUMNS.length] = text.codePointCount(0, text.length());
        for (int i = INPUT_COLUMNS.length + 1; i < SCHEMA.size(); i++) {
            values[i] = SCHEMA.fields()[i].dataType() instanceof ArrayType ? seq(List.of()) : 0;
        }
        String message = error.getMessage() == null ? "" : ": " + error.getMessage().lines().findFirst().orElse("");
        String detail = error.getClass().getName() + message;
        values[SCHEMA.size()] = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        return RowFactory.create(values);
    }

    private static Object[] inputValues(Row doc) {
        Object[] values = new Object[OUTPUT_SCHEMA.size()];
        for (int i = 0; i < INPUT_COLUMNS.length; i++) {
            values[i] = doc.get(i);
        }
        return values;
    }

    /** Array values of a Row are Scala Seqs. */
    private static Object seq(List<Row> rows) {
        return CollectionConverters.asScala(rows).toSeq();
    }
}
