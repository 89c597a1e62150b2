package dev.corpusstats.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalysisPartitionsTest {
    @Test
    void oneTaskPerDocumentUpToOnePerCoreThenOnePerSixteenDocumentsUpToFourPerCore() {
        assertEquals(1, AnalyzeDocuments.analysisPartitions(2, 0));
        assertEquals(1, AnalyzeDocuments.analysisPartitions(2, 1));
        assertEquals(2, AnalyzeDocuments.analysisPartitions(2, 2));
        assertEquals(2, AnalyzeDocuments.analysisPartitions(2, 16));
        assertEquals(3, AnalyzeDocuments.analysisPartitions(2, 33));
        assertEquals(7, AnalyzeDocuments.analysisPartitions(2, 100));
        assertEquals(8, AnalyzeDocuments.analysisPartitions(2, 1_000));
        assertEquals(8, AnalyzeDocuments.analysisPartitions(2, 16_000_000_000L));
        assertEquals(64, AnalyzeDocuments.analysisPartitions(64, 100));
        assertEquals(5, AnalyzeDocuments.analysisPartitions(64, 5));
        assertEquals(256, AnalyzeDocuments.analysisPartitions(64, 1_000_000));
    }
}
