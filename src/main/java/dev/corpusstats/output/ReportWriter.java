package dev.corpusstats.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.entities.EntityRecognizer;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

/**
 * {@code report.html}: one self-contained page (inline CSS and JavaScript, no network access) that
 * shows a run at a glance. Its data are small, bounded aggregates of the written tables (top-N lists,
 * the first {@code maxDocuments} documents, the last {@link #MAX_PERIODS} periods, a few values per
 * facet), collected to the driver and embedded as JSON.
 *
 * <p>In two steps: {@link #query} runs the queries once the tables are written; {@link Report#write}
 * writes the page with the run's final manifest, so that the page shows the run's whole duration.
 */
public final class ReportWriter {
    public static final String FILE_NAME = "report.html";
    static final String TEMPLATE = "/dev/corpusstats/report/report.html";
    static final String PLACEHOLDER = "/*__REPORT_DATA__*/";
    /**
     * Longest string the page embeds, in code points (titles, names, paths, errors): a longer one is
     * cut and ends in "…", so no value of the data, however long, makes the page large.
     */
    static final int MAX_STRING = 300;
    /** Periods the time charts show, the latest: about eight years of weeks, or a year of days. */
    static final int MAX_PERIODS = 400;
    /** Entities with a trend line, the most mentioned in dated documents: more lines would be unreadable. */
    static final int TREND_ENTITIES = 5;
    static final int MAX_BURSTS = 10;
    /** Values shown per facet (those with the most documents), and terms and entities shown per value. */
    static final int FACET_VALUES = 12;
    static final int FACET_TOP = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes the embedded JSON with {@code <}, {@code >} and {@code &} as JSON's backslash-u escapes. */
    private static final ObjectMapper EMBEDDED_JSON = new ObjectMapper(
            new JsonFactory().setCharacterEscapes(new HtmlSafeEscapes()));

    private final SparkSession spark;
    private final String outputRoot;

    public ReportWriter(SparkSession spark, String outputRoot) {
        this.spark = spark;
        this.outputRoot = outputRoot;
    }

    /**
     * Runs the report's queries over the written tables.
     *
     * @param parallelism the queries run at most this many at once ({@link ParallelActions})
     */
    public Report query(int maxDocuments, int parallelism) {
        // Every query's plan first, then all run at once: each is a few small Spark jobs.
        Map<String, Callable<ArrayNode>> queries = new LinkedHashMap<>();
        query(queries, "tokens", table(Table.DOCUMENTS).selectExpr("coalesce(sum(token_count), 0) AS tokens"));
        query(queries, "distinct_terms", table(Table.TERMS).filter("n = 1").selectExpr("count(*) AS terms"));
        query(queries, "rejects", table(Table.REJECTS).groupBy("reason").count().orderBy(col("count").desc(), col("reason")));
        query(queries, "top_terms", table(Table.TERMS).filter("n = 1").orderBy(col("total_count").desc(), col("term"))
                .select("term", "total_count", "doc_count").limit(30));
        query(queries, "collocations", table(Table.COLLOCATIONS).orderBy(col("llr").desc(), col("bigram"))
                .select("bigram", "count", "npmi", "llr").limit(20));
        WindowSpec byType = Window.partitionBy("type").orderBy(col("mention_count").desc(), col("entity_id"));
        query(queries, "entities_by_type", table(Table.ENTITIES).withColumn("r", row_number().over(byType))
                .filter(col("r").leq(15)).orderBy("type", "r").select("type", "name", "mention_count", "doc_count"));
        Dataset<Row> nodes = table(Table.ENTITIES).orderBy(col("mention_count").desc(), col("entity_id")).limit(60)
                .select(col("entity_id").as("id"), col("name"), col("type"), col("mention_count").as("mentions"));
        query(queries, "network_nodes", nodes);
        query(queries, "network_edges", edges(nodes, 200));
        query(queries, "documents", documents(maxDocuments));
        Dataset<Row> periods = table(Table.PERIODS).orderBy(col("period").desc()).limit(MAX_PERIODS);
        query(queries, "periods", periods.orderBy("period"));
        query(queries, "entity_trends", entityTrends(periods.select("period")));
        query(queries, "bursts", bursts());
        Dataset<Row> values = facetValues();
        query(queries, "facet_values", values);
        query(queries, "facet_terms", table(Table.FACET_TERMS).filter(col("rank").leq(FACET_TOP))
                .join(values.select("facet", "value"), seq("facet", "value"))
                .select("facet", "value", "term", "n", "count", "doc_count", "llr", "rank")
                .orderBy("facet", "value", "rank"));
        query(queries, "facet_entities", table(Table.FACET_ENTITIES).filter(col("rank").leq(FACET_TOP))
                .join(values.select("facet", "value"), seq("facet", "value"))
                .join(table(Table.ENTITIES).select("entity_id", "name", "type"), seq("entity_id"), "left")
                .select(col("facet"), col("value"), col("entity_id"), coalesce(col("name"), col("entity_id")).as("name"),
                        col("type"), col("mentions"), col("doc_count"), col("llr"), col("rank"))
                .orderBy("facet", "value", "rank"));
        return new Report(ParallelActions.run(spark.sparkContext(), queries, parallelism));
    }

    /** The report's query results, to be written as the page. */
    public final class Report {
        private final Map<String, ArrayNode> results;

        private Report(Map<String, ArrayNode> results) {
            this.results = results;
        }

        /** Writes {@code report.html} showing these results and {@code manifest}, the run's own. */
        public void write(Manifest manifest) {
            writeHtml(data(manifest, results));
        }
    }

    private static ObjectNode data(Manifest manifest, Map<String, ArrayNode> results) {
        ObjectNode data = JSON.createObjectNode();
        data.set("manifest", JSON.valueToTree(manifest));
        data.set("summary", summary(manifest, results.get("tokens").get(0).get("tokens").asLong(),
                results.get("distinct_terms").get(0).get("terms").asLong()));
        data.set("rejects", results.get("rejects"));
        data.set("top_terms", results.get("top_terms"));
        data.set("collocations", results.get("collocations"));
        ObjectNode entitiesByType = data.putObject("entities_by_type");
        for (String type : EntityRecognizer.TYPES) {
            entitiesByType.putArray(type);
        }
        for (JsonNode e : results.get("entities_by_type")) {
            ((ArrayNode) entitiesByType.get(e.get("type").asText())).add(e);
        }
        ObjectNode network = data.putObject("network");
        network.set("nodes", results.get("network_nodes"));
        network.set("edges", results.get("network_edges"));
        data.set("documents", results.get("documents"));
        data.set("time", time(manifest, results));
        data.set("facets", facets(results));
        return data;
    }

    /** Documents per period, the trend lines (one object per entity, its rows as points) and the bursts. */
    private static ObjectNode time(Manifest manifest, Map<String, ArrayNode> results) {
        ObjectNode time = JSON.createObjectNode();
        time.put("period_count", manifest.tables.get(Table.PERIODS.folder()).rows());
        time.set("periods", results.get("periods"));
        ArrayNode lines = time.putArray("entity_trends");
        ObjectNode line = null;
        for (JsonNode row : results.get("entity_trends")) {
            if (line == null || !line.get("entity_id").equals(row.get("entity_id"))) {
                line = lines.addObject();
                for (String field : new String[] {"entity_id", "name", "type", "mentions_total"}) {
                    line.set(field, row.get(field));
                }
                line.putArray("points");
            }
            ObjectNode point = ((ArrayNode) line.get("points")).addObject();
            for (String field : new String[] {"period", "mentions", "doc_count", "doc_share"}) {
                point.set(field, row.get(field));
            }
        }
        time.set("bursts", results.get("bursts"));
        return time;
    }

    /**
     * One object per facet, {@code period} last: how many values it has, and the values shown with
     * their documents and their top terms and entities.
     */
    private static ArrayNode facets(Map<String, ArrayNode> results) {
        // period last: every dated document has it, and its values are many and alike.
        Map<String, ObjectNode> facets = new TreeMap<>(Comparator.comparing((String f) -> f.equals(JobConfig.Facets.PERIOD))
                .thenComparing(Comparator.naturalOrder()));
        Map<List<String>, ObjectNode> values = new LinkedHashMap<>();
        for (JsonNode row : results.get("facet_values")) {
            String facet = row.get("facet").asText();
            ObjectNode f = facets.computeIfAbsent(facet, name -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("facet", name);
                o.set("value_count", row.get("value_count"));
                o.putArray("values");
                return o;
            });
            ObjectNode v = ((ArrayNode) f.get("values")).addObject();
            v.set("value", row.get("value"));
            v.set("documents", row.get("documents"));
            v.putArray("terms");
            v.putArray("entities");
            values.put(List.of(facet, row.get("value").asText()), v);
        }
        for (String kind : new String[] {"terms", "entities"}) {
            for (JsonNode row : results.get("facet_" + kind)) {
                ObjectNode v = values.get(List.of(row.get("facet").asText(), row.get("value").asText()));
                ObjectNode item = ((ArrayNode) v.get(kind)).addObject();
                row.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("facet") && !field.getKey().equals("value")) {
                        item.set(field.getKey(), field.getValue());
                    }
                });
            }
        }
        ArrayNode array = JSON.createArrayNode();
        facets.values().forEach(array::add);
        return array;
    }

    private static void query(Map<String, Callable<ArrayNode>> queries, String name, Dataset<Row> query) {
        queries.put(name, () -> rows(query));
    }

    /** With the table's own schema, which spares Spark a job that reads a file's footer to infer it. */
    private Dataset<Row> table(Table table) {
        return spark.read().schema(table.schema()).parquet(TableWriter.pathOf(outputRoot, table));
    }

    /** Counts from the manifest's row counts, plus the two sums that need a query. */
    private static ObjectNode summary(Manifest manifest, long tokens, long distinctTerms) {
        ObjectNode s = JSON.createObjectNode();
        s.put("documents", manifest.tables.get(Table.DOCUMENTS.folder()).rows());
        s.put("tokens", tokens);
        s.put("distinct_terms", distinctTerms);
        s.put("entities", manifest.tables.get(Table.ENTITIES.folder()).rows());
        s.put("mentions", manifest.tables.get(Table.ENTITY_MENTIONS.folder()).rows());
        s.put("rejects", manifest.tables.get(Table.REJECTS.folder()).rows());
        return s;
    }

    /** The strongest sentence-level edges among the network's nodes. */
    private Dataset<Row> edges(Dataset<Row> nodes, int maxEdges) {
        Dataset<Row> ids = nodes.select("id");
        return table(Table.ENTITY_COOCCURRENCE).filter(col("sentence_count").gt(0))
                .join(ids.withColumnRenamed("id", "entity_a"), "entity_a")
                .join(ids.withColumnRenamed("id", "entity_b"), "entity_b")
                .select(col("entity_a").as("a"), col("entity_b").as("b"), col("sentence_count").as("weight"))
                .orderBy(col("weight").desc(), col("a"), col("b"))
                .limit(maxEdges);
    }

    /**
     * The trend rows, within {@code periods}, of the {@link #TREND_ENTITIES} entities with the most
     * mentions there: ranked on the dated mentions, as the undated ones are on no line.
     */
    private Dataset<Row> entityTrends(Dataset<Row> periods) {
        Dataset<Row> trends = table(Table.ENTITY_TRENDS).join(periods, "period");
        Dataset<Row> top = trends.groupBy("entity_id").agg(sum("mentions").as("mentions_total"))
                .orderBy(col("mentions_total").desc(), col("entity_id")).limit(TREND_ENTITIES);
        return trends.join(top, "entity_id")
                .join(table(Table.ENTITIES).select("entity_id", "name", "type"), seq("entity_id"), "left")
                .select(col("entity_id"), coalesce(col("name"), col("entity_id")).as("name"), col("type"),
                        col("mentions_total"), col("period"), col("mentions"), col("doc_count"), col("doc_share"))
                .orderBy(col("mentions_total").desc(), col("entity_id"), col("period"));
    }

    /** The strongest bursts, an entity's with its name and type. */
    private Dataset<Row> bursts() {
        Dataset<Row> strongest = table(Table.BURSTS)
                .orderBy(col("weight").desc(), col("kind"), col("key"), col("start_period")).limit(MAX_BURSTS);
        Dataset<Row> entities = table(Table.ENTITIES).select("entity_id", "name", "type");
        return strongest.join(entities, strongest.col("kind").equalTo(lit("entity"))
                        .and(strongest.col("key").equalTo(entities.col("entity_id"))), "left")
                .select("kind", "key", "name", "type", "start_period", "end_period", "weight", "documents")
                .orderBy(col("weight").desc(), col("kind"), col("key"), col("start_period"));
    }

    /**
     * Per facet, its {@link #FACET_VALUES} values with the most documents (ties by value), each
     * with its documents and the facet's number of values.
     */
    private Dataset<Row> facetValues() {
        WindowSpec byDocuments = Window.partitionBy("facet").orderBy(col("documents").desc(), col("value"));
        return table(Table.DOC_FACETS).groupBy("facet", "value").agg(count(lit(1)).as("documents"))
                .withColumn("r", row_number().over(byDocuments))
                .withColumn("value_count", count(lit(1)).over(Window.partitionBy("facet")))
                .filter(col("r").leq(FACET_VALUES))
                .orderBy(col("facet"), col("r"))
                .select("facet", "value", "documents", "value_count");
    }

    private static scala.collection.immutable.Seq<String> seq(String... columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
    }

    /** Per document (first {@code max} by doc_id): tokens, top-5 unigram terms, top-5 entities by salience. */
    private Dataset<Row> documents(int max) {
        table(Table.DOCUMENTS).selectExpr("doc_id", "substring(title, 1, " + (MAX_STRING + 1) + ") AS title", "token_count")
                .orderBy("doc_id").limit(max).createOrReplaceTempView("report_docs");
        table(Table.DOC_TERMS).createOrReplaceTempView("report_doc_terms");
        table(Table.DOC_ENTITIES).createOrReplaceTempView("report_doc_entities");
        Dataset<Row> docs = spark.sql("""
                SELECT d.doc_id, d.title, d.token_count AS tokens,
                       coalesce(t.keyterms, array()) AS keyterms, coalesce(e.entities, array()) AS entities
                FROM report_docs d
                LEFT JOIN (SELECT doc_id, transform(array_sort(collect_list(struct(rank, term))), x -> x.term) AS keyterms
                           FROM report_doc_terms WHERE n = 1 AND rank <= 5 AND doc_id IN (SELECT doc_id FROM report_docs)
                           GROUP BY doc_id) t ON t.doc_id = d.doc_id
                LEFT JOIN (SELECT doc_id, slice(transform(array_sort(collect_list(struct(-salience AS s, entity_id, name, type))),
                                  x -> named_struct('name', x.name, 'type', x.type)), 1, 5) AS entities
                           FROM report_doc_entities WHERE doc_id IN (SELECT doc_id FROM report_docs)
                           GROUP BY doc_id) e ON e.doc_id = d.doc_id
                ORDER BY d.doc_id
                """);
        return docs;
    }

    private static ArrayNode rows(Dataset<Row> data) {
        ArrayNode array = JSON.createArrayNode();
        for (String json : data.toJSON().collectAsList()) {
            try {
                array.add(JSON.readTree(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return array;
    }

    /**
     * The data as the page embeds it inside its {@code <script>} element: every string bounded to
     * {@link #MAX_STRING}, and no {@code <} in the JSON, so that no value can end the element or open
     * an HTML comment ({@code <!--} before a {@code <script} changes how the browser parses the rest).
     */
    static String embedded(JsonNode data) throws IOException {
        return EMBEDDED_JSON.writeValueAsString(bounded(data));
    }

    private static JsonNode bounded(JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            return text.codePointCount(0, text.length()) <= MAX_STRING ? node
                    : TextNode.valueOf(text.substring(0, text.offsetByCodePoints(0, MAX_STRING - 1)) + "…");
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(bounded(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), bounded(field.getValue())));
            return copy;
        }
        return node;
    }

    /** JSON escapes for a page's script: the standard ones, and {@code <}, {@code >}, {@code &} as unicode escapes. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    private void writeHtml(ObjectNode data) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("report template missing from the classpath: " + TEMPLATE);
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String html = template.replace(PLACEHOLDER, embedded(data));
            Path path = new Path(outputRoot, FILE_NAME);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.setWriteChecksum(false);
            try (FSDataOutputStream out = fs.create(path, true)) {
                out.write(html.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE_NAME + " to " + outputRoot, e);
        }
    }
}
