package dev.corpusstats.stats;

import dev.corpusstats.stats.AnalyzeDocuments.CorpusSize;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalysisPartitionsTest {
    private static final long KB = 1 << 10;
    private static final long MB = 1 << 20;

    private static int partitions(int cores, long documents, long bytes) {
        return AnalyzeDocuments.analysisPartitions(cores, new CorpusSize(documents, bytes));
    }

    @Test
    void oneTaskPerDocumentUpToOnePerCoreThenOnePerSixteenDocumentsUpToFourPerCore() {
        assertEquals(1, partitions(2, 0, 0));
        assertEquals(1, partitions(2, 1, 5 * KB));
        assertEquals(2, partitions(2, 2, 10 * KB));
        assertEquals(2, partitions(2, 16, 80 * KB));
        assertEquals(3, partitions(2, 33, 160 * KB));
        assertEquals(7, partitions(2, 100, 500 * KB));
        assertEquals(8, partitions(2, 1_000, 5 * MB));
        assertEquals(64, partitions(64, 100, 500 * KB));
        assertEquals(5, partitions(64, 5, 25 * KB));
        assertEquals(256, partitions(64, 1_000_000, 1000 * MB));
    }

    @Test
    void aLargerCorpusGetsATaskPerFourMebibytes() {
        assertEquals(9, partitions(2, 7_000, 33 * MB));
        assertEquals(28, partitions(2, 20_896, 109 * MB)); // cnn-lite ×8: 5.3 KB per article
        assertEquals(250_000, partitions(2, 200_000_000, 1_000_000 * MB));
        assertEquals(Integer.MAX_VALUE, partitions(2, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void largeDocumentsGetFewerPerTaskButNeverLessThanOne() {
        assertEquals(100, partitions(2, 100, 100 * 16 * MB));
        assertEquals(1, partitions(2, 1, 1024 * MB));
    }
}
