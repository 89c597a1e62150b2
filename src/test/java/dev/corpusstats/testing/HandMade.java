package dev.corpusstats.testing;

import dev.corpusstats.output.Table;
import dev.corpusstats.stats.AnalyzeDocuments;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Tiny hand-made inputs for the table builders' tests, and whole-row assertions on their outputs:
 * analyzed-document rows ({@link AnalyzeDocuments#SCHEMA}) built field by field, and a comparison of
 * collected rows that takes doubles to {@link #EPS} and looks into arrays and structs.
 */
public final class HandMade {
    /** Tolerance for every double compared. */
    public static final double EPS = 1e-12;

    private HandMade() {
    }

    /** An analyzed document with no terms, mentions or entities yet. */
    public static Doc doc(String docId) {
        return new Doc(docId);
    }

    /** The documents as a DataFrame of {@link AnalyzeDocuments#SCHEMA}. */
    public static Dataset<Row> analyzed(Doc... docs) {
        return frame(AnalyzeDocuments.SCHEMA, Arrays.stream(docs).map(Doc::row).toArray(Row[]::new));
    }

    public static Dataset<Row> frame(StructType schema, Row... rows) {
        return TestSpark.session().createDataFrame(Arrays.asList(rows), schema);
    }

    public static Row row(Object... values) {
        return RowFactory.create(values);
    }

    /** An array value of a Row: a Scala Seq. */
    /** A row of {@code ingest.ReadCorpus.SCHEMA}: undated and without facets. */
    public static Row sourceRecord(String source, String docId, String title, String text, String encoding, long byteCount,
                                   String sha, String rejectReason, String rejectDetail) {
        return RowFactory.create(source, docId, title, text, encoding, byteCount, sha, null, null, null, seq(),
                rejectReason, rejectDetail);
    }

    public static Object seq(Object... values) {
        return CollectionConverters.asScala(Arrays.asList(values)).toSeq();
    }

    /** The rows of a built table, sorted by its sort key. */
    public static List<Row> sorted(Table table, Dataset<Row> rows) {
        return rows.orderBy(table.sortColumns().stream().map(functions::col).toArray(Column[]::new)).collectAsList();
    }

    /** The built table's columns are exactly the table's, in order. */
    public static void assertColumns(Table table, Dataset<Row> rows) {
        assertEquals(Arrays.asList(table.schema().fieldNames()), Arrays.asList(rows.columns()), table.folder() + " columns");
    }

    /**
     * The same rows in the same order: equal values (same boxed types, so an int is not a long),
     * doubles within {@link #EPS}, arrays and structs compared element by element.
     */
    public static void assertRows(List<Row> expected, List<Row> actual) {
        String both = "\nexpected: " + expected + "\nactual:   " + actual;
        assertEquals(expected.size(), actual.size(), "row count" + both);
        for (int i = 0; i < expected.size(); i++) {
            assertValue(expected.get(i), actual.get(i), "row " + i + both);
        }
    }

    private static void assertValue(Object expected, Object actual, String where) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
        } else if (expected instanceof Row e) {
            if (!(actual instanceof Row a)) {
                fail("not a struct: " + actual + " at " + where);
                return;
            }
            assertEquals(e.size(), a.size(), "struct size at " + where);
            for (int i = 0; i < e.size(); i++) {
                assertValue(e.get(i), a.get(i), "field " + i + " of " + where);
            }
        } else if (expected instanceof scala.collection.Seq<?> || expected instanceof List<?>) {
            List<?> e = list(expected);
            List<?> a = list(actual);
            assertEquals(e.size(), a.size(), "array size at " + where);
            for (int i = 0; i < e.size(); i++) {
                assertValue(e.get(i), a.get(i), "element " + i + " of " + where);
            }
        } else if (expected instanceof Double e && actual instanceof Double a) {
            assertEquals(e, a, EPS, where);
        } else {
            assertEquals(expected, actual, where);
            assertEquals(expected.getClass(), actual.getClass(), where);
        }
    }

    private static List<?> list(Object value) {
        if (value instanceof scala.collection.Seq<?> s) {
            return CollectionConverters.asJava(s);
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw new AssertionError("not an array: " + value);
    }

    /**
     * One row of {@link AnalyzeDocuments#SCHEMA}. Defaults: source {@code file:/corpus/ID.txt}, no
     * title, text "Text of ID.", UTF-8, byte and char counts of that text, hash {@code sha-ID} (a
     * duplicate takes its original's), one sentence, as many tokens as unigram occurrences;
     * term_count and distinct_term_count are summed from the n = 1 terms added.
     */
    public static final class Doc {
        private final String docId;
        private String source;
        private String title;
        private String text;
        private String sha;
        private String duplicateOf;
        private java.sql.Timestamp publishedAt;
        private String dateIssue;
        private String dateValue;
        private final List<Row> facets = new ArrayList<>();
        private int sentences = 1;
        private Integer tokens;
        private final List<Row> terms = new ArrayList<>();
        private final List<Row> mentions = new ArrayList<>();
        private final List<Row> entityTerms = new ArrayList<>();
        private final List<Row> entities = new ArrayList<>();

        private Doc(String docId) {
            this.docId = docId;
            this.source = "file:/corpus/" + docId + ".txt";
            this.text = "Text of " + docId + ".";
            this.sha = "sha-" + docId;
        }

        public Doc source(String value) {
            source = value;
            return this;
        }

        public Doc title(String value) {
            title = value;
            return this;
        }

        public Doc text(String value) {
            text = value;
            return this;
        }

        /** Marks it a duplicate of {@code original}, with the original's hash. */
        public Doc duplicateOf(String original) {
            duplicateOf = original;
            sha = "sha-" + original;
            return this;
        }

        /** Published at this ISO 8601 instant, e.g. {@code 2026-02-10T12:00:00Z}. */
        public Doc publishedAt(String instant) {
            publishedAt = java.sql.Timestamp.from(java.time.Instant.parse(instant));
            dateIssue = null;
            return this;
        }

        /** Undated, for this reason ({@code missing}, {@code unparseable}, {@code out_of_range}) and value read. */
        public Doc undated(String issue, String value) {
            publishedAt = null;
            dateIssue = issue;
            dateValue = value;
            return this;
        }

        public Doc facet(String facet, String value) {
            facets.add(RowFactory.create(facet, value));
            return this;
        }

        public Doc counts(int sentenceCount, int tokenCount) {
            sentences = sentenceCount;
            tokens = tokenCount;
            return this;
        }

        public Doc term(String term, int n, int count, double tf) {
            terms.add(RowFactory.create(term, n, count, tf));
            return this;
        }

        public Doc mention(int sentence, int begin, int end, String mentionText, String type, String canonical, String entityId) {
            mentions.add(RowFactory.create(sentence, begin, end, mentionText, type, canonical, entityId));
            return this;
        }

        public Doc entityTerm(String entityId, String term, int count) {
            entityTerms.add(RowFactory.create(entityId, term, count));
            return this;
        }

        public Doc entity(String entityId, String name, String type, int mentionCount, int firstBegin, double salience) {
            entities.add(RowFactory.create(entityId, name, type, mentionCount, firstBegin, salience));
            return this;
        }

        public Row row() {
            int termCount = terms.stream().filter(t -> t.getInt(1) == 1).mapToInt(t -> t.getInt(2)).sum();
            int distinct = (int) terms.stream().filter(t -> t.getInt(1) == 1).count();
            return RowFactory.create(docId, source, title, text, "UTF-8", (long) text.getBytes(StandardCharsets.UTF_8).length,
                    sha, duplicateOf, publishedAt, dateIssue, dateValue, seq(facets.toArray()),
                    text.codePointCount(0, text.length()), sentences, tokens == null ? termCount : tokens,
                    termCount, distinct, seq(terms.toArray()), seq(mentions.toArray()), seq(entityTerms.toArray()),
                    seq(entities.toArray()));
        }
    }
}
