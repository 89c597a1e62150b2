package dev.corpusstats.stats;

import dev.corpusstats.nlp.DocumentAnalysis;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static dev.corpusstats.testing.HandMade.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link AnalyzeDocuments}: a document whose analysis throws becomes an analysis_failed reject; the others are analyzed. */
class AnalyzeDocumentsTest {
    private static final Function<String, DocumentAnalysis> FAILS_ON_BOOM = text -> {
        if (text.contains("boom")) {
            throw new StackOverflowError("deep");
        }
        return new dev.corpusstats.nlp.DocumentAnalyzer(dev.corpusstats.nlp.text.StopWords.snowballEnglish(), 1).analyze(text);
    };

    private static Row input(String docId, String text) {
        return RowFactory.create(docId, "file:/in/" + docId + ".txt", null, text, "UTF-8", (long) text.length(), "sha-" + docId, null,
                null, null, null, dev.corpusstats.testing.HandMade.seq());
    }

    @Test
    void anErrorInOneAnalysisIsRecordedOnItsRowOnly() {
        Row failed = AnalyzeDocuments.analyze(FAILS_ON_BOOM, input("b", "It went boom."));
        Row ok = AnalyzeDocuments.analyze(FAILS_ON_BOOM, input("a", "Officials met in Kabul."));
        assertEquals("java.lang.StackOverflowError: deep", failed.getString(AnalyzeDocuments.OUTPUT_SCHEMA.fieldIndex(AnalyzeDocuments.ANALYSIS_ERROR)));
        assertNull(ok.get(AnalyzeDocuments.OUTPUT_SCHEMA.fieldIndex(AnalyzeDocuments.ANALYSIS_ERROR)));
        assertTrue(ok.getInt(AnalyzeDocuments.OUTPUT_SCHEMA.fieldIndex("token_count")) > 0);

        Dataset<Row> analyzed = frame(AnalyzeDocuments.OUTPUT_SCHEMA, ok, failed);
        assertEquals(List.of("a"), AnalyzeDocuments.succeeded(analyzed).select("doc_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        assertEquals(List.of(AnalyzeDocuments.SCHEMA.fieldNames()).size(), AnalyzeDocuments.succeeded(analyzed).schema().size());
        Row reject = AnalyzeDocuments.failures(analyzed).collectAsList().get(0);
        assertEquals("b", reject.getAs("doc_id"));
        assertEquals("analysis_failed", reject.getAs("reject_reason"));
        assertEquals("java.lang.StackOverflowError: deep", reject.getAs("reject_detail"));
        assertNull(reject.getAs("text"));
    }
}
