package dev.corpusstats.stats;

import dev.corpusstats.nlp.AnalyzerSettings;
import dev.corpusstats.nlp.DocumentAnalysis;
import dev.corpusstats.nlp.DocumentAnalyzer;
import dev.corpusstats.nlp.TermCount;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Step 3: runs the NLP core over every accepted document, once. Its output carries each document's
 * columns, its counts and its n-gram term counts; every later table is derived from it, so it is
 * cached by the pipeline.
 */
public final class AnalyzeDocuments {
    static final StructType TERM_COUNT = new StructType()
            .add("term", DataTypes.StringType, false)
            .add("n", DataTypes.IntegerType, false)
            .add("count", DataTypes.IntegerType, false);

    /** Columns read from the accepted documents, in order. */
    static final String[] INPUT_COLUMNS = {"doc_id", "source", "title", "text", "encoding", "byte_count",
            "content_sha256", "duplicate_of"};

    public static final StructType SCHEMA = new StructType()
            .add("doc_id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, false)
            .add("encoding", DataTypes.StringType, false)
            .add("byte_count", DataTypes.LongType, false)
            .add("content_sha256", DataTypes.StringType, false)
            .add("duplicate_of", DataTypes.StringType, true)
            .add("char_count", DataTypes.IntegerType, false)
            .add("sentence_count", DataTypes.IntegerType, false)
            .add("token_count", DataTypes.IntegerType, false)
            .add("term_count", DataTypes.IntegerType, false)
            .add("distinct_term_count", DataTypes.IntegerType, false)
            .add("terms", DataTypes.createArrayType(TERM_COUNT, false), false);

    private AnalyzeDocuments() {
    }

    public static Dataset<Row> apply(Dataset<Row> documents, AnalyzerSettings settings) {
        MapPartitionsFunction<Row, Row> analyze = rows -> {
            DocumentAnalyzer analyzer = settings.newAnalyzer();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return analyze(analyzer, rows.next());
                }
            };
        };
        return documents.selectExpr(INPUT_COLUMNS)
                .mapPartitions(analyze, Encoders.row(SCHEMA));
    }

    static Row analyze(DocumentAnalyzer analyzer, Row doc) {
        String text = doc.getString(3);
        DocumentAnalysis a = analyzer.analyze(text);
        List<Row> terms = new ArrayList<>(a.terms().size());
        for (TermCount t : a.terms()) {
            terms.add(RowFactory.create(t.term(), t.n(), t.count()));
        }
        Object[] values = new Object[SCHEMA.size()];
        for (int i = 0; i < INPUT_COLUMNS.length; i++) {
            values[i] = doc.get(i);
        }
        int i = INPUT_COLUMNS.length;
        values[i++] = text.codePointCount(0, text.length());
        values[i++] = a.sentenceCount();
        values[i++] = a.tokenCount();
        values[i++] = a.termCount();
        values[i++] = a.distinctTermCount();
        values[i] = CollectionConverters.asScala(terms).toSeq(); // Row arrays are Scala Seqs
        return RowFactory.create(values);
    }
}
