package dev.corpusstats.stats;

import dev.corpusstats.stats.core.Formulas;
import dev.corpusstats.output.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

/**
 * The {@code entity_cooccurrence} table: pairs of entities mentioned in the same document, each pair
 * once ({@code entity_a < entity_b}), with the number of sentences and of documents that mention
 * both, and {@link Formulas#documentNpmi document-level NPMI}.
 *
 * <p>Each document's pairs are listed from its mentions in one pass ({@link #pairsInDocument}), then
 * summed over the corpus: one shuffle by document and one by pair, where self-joins of the mentions
 * on document and on sentence would take four.
 */
final class EntityCooccurrenceTable {
    static final StructType PAIR = new StructType()
            .add("entity_a", DataTypes.StringType, false)
            .add("entity_b", DataTypes.StringType, false)
            .add("sentences", DataTypes.IntegerType, false);

    /** A document's mentions, as (sentence, entity_id) structs, to its entity pairs. */
    static final UserDefinedFunction DOCUMENT_PAIRS = udf((UDF1<scala.collection.Seq<Row>, List<Row>>) mentions -> {
        int n = mentions.size();
        int[] sentences = new int[n];
        String[] entityIds = new String[n];
        for (int i = 0; i < n; i++) {
            Row m = mentions.apply(i);
            sentences[i] = m.getInt(0);
            entityIds[i] = m.getString(1);
        }
        List<Row> rows = new ArrayList<>();
        for (Pair p : pairsInDocument(sentences, entityIds)) {
            rows.add(RowFactory.create(p.entityA(), p.entityB(), p.sentences()));
        }
        return rows;
    }, DataTypes.createArrayType(PAIR, false)).withName("document_entity_pairs");

    /** Two entities of one document, {@code entityA < entityB}, and the sentences mentioning both. */
    record Pair(String entityA, String entityB, int sentences) {
    }

    private EntityCooccurrenceTable() {
    }

    /**
     * @param mentions    {@link EntityMentionsTable#linked} mentions
     * @param docEntities the doc_entities table (one row per document and entity mentioned in it)
     * @param corpusDocs  N
     */
    static Dataset<Row> from(Dataset<Row> mentions, Dataset<Row> docEntities, long corpusDocs) {
        Dataset<Row> pairs = mentions.groupBy("doc_id")
                .agg(collect_list(struct(col("sentence"), col("entity_id"))).as("mentions"))
                .select(explode(DOCUMENT_PAIRS.apply(col("mentions"))).as("p"))
                .groupBy(col("p.entity_a").as("entity_a"), col("p.entity_b").as("entity_b"))
                .agg(sum("p.sentences").cast("long").as("sentence_count"), count(lit(1)).as("doc_count"));
        Dataset<Row> docCounts = docEntities.groupBy("entity_id").agg(count(lit(1)).as("df"));
        return Table.ENTITY_COOCCURRENCE.select(pairs
                .join(docCounts.withColumnRenamed("entity_id", "entity_a").withColumnRenamed("df", "df_a"), "entity_a")
                .join(docCounts.withColumnRenamed("entity_id", "entity_b").withColumnRenamed("df", "df_b"), "entity_b")
                .withColumn("npmi", FormulaColumns.documentNpmi(col("doc_count"), col("df_a"), col("df_b"), lit(corpusDocs))));
    }

    /**
     * Every pair of distinct entities among one document's mentions, ordered by entity id, with the
     * number of distinct sentences that mention both (0 when they never share one).
     *
     * @param sentences the sentence index of each mention
     * @param entityIds the entity of each mention
     */
    static List<Pair> pairsInDocument(int[] sentences, String[] entityIds) {
        Map<String, BitSet> sentencesOf = new TreeMap<>(EntityCooccurrenceTable::compareAsSpark);
        for (int i = 0; i < entityIds.length; i++) {
            sentencesOf.computeIfAbsent(entityIds[i], id -> new BitSet()).set(sentences[i]);
        }
        List<String> ids = new ArrayList<>(sentencesOf.keySet());
        List<BitSet> sets = new ArrayList<>(sentencesOf.values());
        List<Pair> pairs = new ArrayList<>(ids.size() * (ids.size() - 1) / 2);
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                pairs.add(new Pair(ids.get(a), ids.get(b), sharedBits(sets.get(a), sets.get(b))));
            }
        }
        return pairs;
    }

    /** |x ∩ y|, without a copy of either (a document with many entities has many pairs). */
    private static int sharedBits(BitSet x, BitSet y) {
        BitSet smaller = x.cardinality() <= y.cardinality() ? x : y;
        BitSet other = smaller == x ? y : x;
        int shared = 0;
        for (int i = smaller.nextSetBit(0); i >= 0; i = smaller.nextSetBit(i + 1)) {
            if (other.get(i)) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * Spark's string order (UTF-8 bytes, i.e. code points), which {@code entity_a < entity_b} means;
     * Java's {@code compareTo} orders UTF-16 units, which differs beyond the Basic Multilingual Plane.
     */
    static int compareAsSpark(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
