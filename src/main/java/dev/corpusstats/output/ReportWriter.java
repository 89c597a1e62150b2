package dev.corpusstats.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * {@code report.html}: one self-contained page (inline CSS and JavaScript, no network access) that
 * shows a run at a glance. Its data are small, bounded aggregates of the written tables (top-N lists,
 * the first {@code maxDocuments} documents), collected to the driver and embedded as JSON.
 */
public final class ReportWriter {
    public static final String FILE_NAME = "report.html";
    static final String TEMPLATE = "/dev/corpusstats/report/report.html";
    static final String PLACEHOLDER = "/*__REPORT_DATA__*/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final String outputRoot;

    public ReportWriter(SparkSession spark, String outputRoot) {
        this.spark = spark;
        this.outputRoot = outputRoot;
    }

    public void write(Manifest manifest, int maxDocuments) {
        ObjectNode data = JSON.createObjectNode();
        data.set("manifest", JSON.valueToTree(manifest));
        data.set("summary", summary(manifest));
        data.set("rejects", rows(table(Table.REJECTS).groupBy("reason").count().orderBy(col("count").desc(), col("reason"))));
        data.set("top_terms", rows(table(Table.TERMS).filter("n = 1").orderBy(col("total_count").desc(), col("term"))
                .select("term", "total_count", "doc_count").limit(30)));
        data.set("collocations", rows(table(Table.COLLOCATIONS).orderBy(col("llr").desc(), col("bigram"))
                .select("bigram", "count", "npmi", "llr").limit(20)));
        ObjectNode byType = data.putObject("entities_by_type");
        for (String type : List.of("PER", "ORG", "LOC", "MISC")) {
            byType.putArray(type);
        }
        table(Table.ENTITIES).createOrReplaceTempView("report_entities");
        Dataset<Row> topByType = spark.sql("SELECT type, name, mention_count, doc_count FROM (SELECT *, row_number() OVER "
                + "(PARTITION BY type ORDER BY mention_count DESC, entity_id) AS r FROM report_entities) WHERE r <= 15 "
                + "ORDER BY type, r");
        for (JsonNode e : rows(topByType)) {
            ((ArrayNode) byType.get(e.get("type").asText())).add(e);
        }
        data.set("network", network(60, 200));
        data.set("documents", documents(maxDocuments));
        writeHtml(data);
    }

    /** With the table's own schema, which spares Spark a job that reads a file's footer to infer it. */
    private Dataset<Row> table(Table table) {
        return spark.read().schema(table.schema()).parquet(TableWriter.pathOf(outputRoot, table));
    }

    /** Counts from the manifest's row counts, plus the two sums that need a query. */
    private ObjectNode summary(Manifest manifest) {
        ObjectNode s = JSON.createObjectNode();
        s.put("documents", manifest.tables.get(Table.DOCUMENTS.folder()).rows());
        s.put("tokens", table(Table.DOCUMENTS).selectExpr("coalesce(sum(token_count), 0)").first().getLong(0));
        s.put("distinct_terms", table(Table.TERMS).filter("n = 1").count());
        s.put("entities", manifest.tables.get(Table.ENTITIES.folder()).rows());
        s.put("mentions", manifest.tables.get(Table.ENTITY_MENTIONS.folder()).rows());
        s.put("rejects", manifest.tables.get(Table.REJECTS.folder()).rows());
        return s;
    }

    /** The most mentioned entities and the strongest sentence-level edges among them. */
    private ObjectNode network(int maxNodes, int maxEdges) {
        Dataset<Row> top = table(Table.ENTITIES).orderBy(col("mention_count").desc(), col("entity_id")).limit(maxNodes)
                .select(col("entity_id").as("id"), col("name"), col("type"), col("mention_count").as("mentions"));
        top.createOrReplaceTempView("report_nodes");
        table(Table.ENTITY_COOCCURRENCE).createOrReplaceTempView("report_pairs");
        Dataset<Row> edges = spark.sql("SELECT p.entity_a AS a, p.entity_b AS b, p.sentence_count AS weight FROM report_pairs p "
                + "WHERE p.sentence_count > 0 AND p.entity_a IN (SELECT id FROM report_nodes) AND p.entity_b IN (SELECT id FROM report_nodes) "
                + "ORDER BY p.sentence_count DESC, a, b LIMIT " + maxEdges);
        ObjectNode network = JSON.createObjectNode();
        network.set("nodes", rows(top));
        network.set("edges", rows(edges));
        return network;
    }

    /** Per document (first {@code max} by doc_id): tokens, top-5 unigram terms, top-5 entities by salience. */
    private ArrayNode documents(int max) {
        table(Table.DOCUMENTS).select("doc_id", "title", "token_count").orderBy("doc_id").limit(max).createOrReplaceTempView("report_docs");
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
        return rows(docs);
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

    private void writeHtml(ObjectNode data) {
        try (InputStream in = ReportWriter.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("report template missing from the classpath: " + TEMPLATE);
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // JSON inside <script>: "</" must not close the element.
            String json = JSON.writeValueAsString(data).replace("</", "<\\/");
            String html = template.replace(PLACEHOLDER, json);
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
