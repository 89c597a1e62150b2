package dev.corpusstats.output;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

/**
 * Every table the job writes: its folder name under the output root, its schema, and the columns
 * each file's rows are sorted by (what readers filter on). This is the one place the output schemas are
 * defined; {@code docs/SCHEMA.md} documents them column by column, and a test checks the two agree.
 */
public enum Table {
    DOCUMENTS("documents", List.of("doc_id"),
            field("doc_id", DataTypes.StringType, false),
            field("source", DataTypes.StringType, false),
            field("title", DataTypes.StringType, true),
            field("text", DataTypes.StringType, true),
            field("encoding", DataTypes.StringType, false),
            field("byte_count", DataTypes.LongType, false),
            field("char_count", DataTypes.IntegerType, false),
            field("sentence_count", DataTypes.IntegerType, false),
            field("token_count", DataTypes.IntegerType, false),
            field("term_count", DataTypes.IntegerType, false),
            field("distinct_term_count", DataTypes.IntegerType, false),
            field("content_sha256", DataTypes.StringType, false),
            field("duplicate_of", DataTypes.StringType, true),
            field("published_at", DataTypes.TimestampType, true)),

    DOC_FACETS("doc_facets", List.of("facet", "value", "doc_id"),
            field("doc_id", DataTypes.StringType, false),
            field("facet", DataTypes.StringType, false),
            field("value", DataTypes.StringType, false)),

    DOC_TERMS("doc_terms", List.of("doc_id", "n", "rank"),
            field("doc_id", DataTypes.StringType, false),
            field("term", DataTypes.StringType, false),
            field("n", DataTypes.IntegerType, false),
            field("count", DataTypes.IntegerType, false),
            field("tf", DataTypes.DoubleType, false),
            field("tfidf", DataTypes.DoubleType, false),
            field("rank", DataTypes.IntegerType, false)),

    TERMS("terms", List.of("n", "term"),
            field("term", DataTypes.StringType, false),
            field("n", DataTypes.IntegerType, false),
            field("total_count", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("idf", DataTypes.DoubleType, false)),

    COLLOCATIONS("collocations", List.of("bigram"),
            field("bigram", DataTypes.StringType, false),
            field("first", DataTypes.StringType, false),
            field("second", DataTypes.StringType, false),
            field("count", DataTypes.LongType, false),
            field("first_count", DataTypes.LongType, false),
            field("second_count", DataTypes.LongType, false),
            field("pmi", DataTypes.DoubleType, false),
            field("npmi", DataTypes.DoubleType, false),
            field("llr", DataTypes.DoubleType, false)),

    ENTITY_MENTIONS("entity_mentions", List.of("doc_id", "begin"),
            field("doc_id", DataTypes.StringType, false),
            field("sentence", DataTypes.IntegerType, false),
            field("begin", DataTypes.IntegerType, false),
            field("end", DataTypes.IntegerType, false),
            field("text", DataTypes.StringType, false),
            field("type", DataTypes.StringType, false),
            field("entity_id", DataTypes.StringType, false)),

    DOC_ENTITIES("doc_entities", List.of("doc_id", "entity_id"),
            field("doc_id", DataTypes.StringType, false),
            field("entity_id", DataTypes.StringType, false),
            field("name", DataTypes.StringType, false),
            field("type", DataTypes.StringType, false),
            field("mentions", DataTypes.IntegerType, false),
            field("first_begin", DataTypes.IntegerType, false),
            field("salience", DataTypes.DoubleType, false)),

    ENTITIES("entities", List.of("entity_id"),
            field("entity_id", DataTypes.StringType, false),
            field("name", DataTypes.StringType, false),
            field("type", DataTypes.StringType, false),
            field("mention_count", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("variants", DataTypes.createArrayType(new StructType()
                    .add("text", DataTypes.StringType, false)
                    .add("count", DataTypes.LongType, false), false), false)),

    ENTITY_COOCCURRENCE("entity_cooccurrence", List.of("entity_a", "entity_b"),
            field("entity_a", DataTypes.StringType, false),
            field("entity_b", DataTypes.StringType, false),
            field("sentence_count", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("npmi", DataTypes.DoubleType, false)),

    ENTITY_TERMS("entity_terms", List.of("entity_id", "rank"),
            field("entity_id", DataTypes.StringType, false),
            field("term", DataTypes.StringType, false),
            field("count", DataTypes.LongType, false),
            field("llr", DataTypes.DoubleType, false),
            field("rank", DataTypes.IntegerType, false)),

    PERIODS("periods", List.of("period"),
            field("period", DataTypes.StringType, false),
            field("start_date", DataTypes.DateType, false),
            field("documents", DataTypes.LongType, false),
            field("tokens", DataTypes.LongType, false)),

    TERM_TRENDS("term_trends", List.of("term", "period"),
            field("period", DataTypes.StringType, false),
            field("term", DataTypes.StringType, false),
            field("n", DataTypes.IntegerType, false),
            field("count", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("doc_share", DataTypes.DoubleType, false)),

    ENTITY_TRENDS("entity_trends", List.of("entity_id", "period"),
            field("period", DataTypes.StringType, false),
            field("entity_id", DataTypes.StringType, false),
            field("mentions", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("doc_share", DataTypes.DoubleType, false)),

    BURSTS("bursts", List.of("kind", "key", "start_period"),
            field("kind", DataTypes.StringType, false),
            field("key", DataTypes.StringType, false),
            field("start_period", DataTypes.StringType, false),
            field("end_period", DataTypes.StringType, false),
            field("weight", DataTypes.DoubleType, false),
            field("documents", DataTypes.LongType, false)),

    FACET_TERMS("facet_terms", List.of("facet", "value", "rank"),
            field("facet", DataTypes.StringType, false),
            field("value", DataTypes.StringType, false),
            field("term", DataTypes.StringType, false),
            field("n", DataTypes.IntegerType, false),
            field("count", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("llr", DataTypes.DoubleType, false),
            field("rank", DataTypes.IntegerType, false)),

    FACET_ENTITIES("facet_entities", List.of("facet", "value", "rank"),
            field("facet", DataTypes.StringType, false),
            field("value", DataTypes.StringType, false),
            field("entity_id", DataTypes.StringType, false),
            field("mentions", DataTypes.LongType, false),
            field("doc_count", DataTypes.LongType, false),
            field("llr", DataTypes.DoubleType, false),
            field("rank", DataTypes.IntegerType, false)),

    REJECTS("rejects", List.of("source"),
            field("source", DataTypes.StringType, false),
            field("doc_id", DataTypes.StringType, true),
            field("reason", DataTypes.StringType, false),
            field("detail", DataTypes.StringType, true));

    private final String folder;
    private final List<String> sortColumns;
    private final StructType schema;

    Table(String folder, List<String> sortColumns, StructField... fields) {
        this.folder = folder;
        this.sortColumns = sortColumns;
        this.schema = new StructType(fields);
    }

    /** The folder under the output root, which is also the table's name. */
    public String folder() {
        return folder;
    }

    public StructType schema() {
        return schema;
    }

    public List<String> sortColumns() {
        return sortColumns;
    }

    /**
     * The table's columns of {@code rows}, in the schema's order; other columns are left out. Fails
     * if a column is missing or has another type than the schema's: the schemas here are the contract.
     */
    public Dataset<Row> select(Dataset<Row> rows) {
        Column[] columns = new Column[schema.size()];
        int i = 0;
        for (StructField field : schema.fields()) {
            DataType actual = Arrays.stream(rows.schema().fields())
                    .filter(f -> f.name().equals(field.name())).map(StructField::dataType).findFirst()
                    .orElseThrow(() -> new IllegalStateException("table " + folder + " lacks column " + field.name()
                            + " in " + Arrays.toString(rows.columns())));
            if (!actual.simpleString().equals(field.dataType().simpleString())) {
                throw new IllegalStateException("table " + folder + " column " + field.name() + " is "
                        + actual.simpleString() + ", schema says " + field.dataType().simpleString());
            }
            columns[i++] = functions.col(field.name());
        }
        return rows.select(columns);
    }

    static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
