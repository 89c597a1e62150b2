package dev.corpusstats.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

/**
 * {@code report.html}: one self-contained page (inline CSS and JavaScript, no network access) that
 * shows a run at a glance. Its data are small, bounded aggregates of the written tables (top-N lists,
 * the first {@code maxDocuments} documents), collected to the driver and embedded as JSON.
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
        return data;
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
