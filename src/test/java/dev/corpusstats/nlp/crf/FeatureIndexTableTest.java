package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureIndexTableTest {
    @Test
    void everyFeatureHasItsIndexNumberAndOthersHaveNone() {
        Index<String> index = new HashIndex<>();
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            index.add(Long.toString(random.nextLong(), 36) + "-WORD|C");
        }
        FeatureIndexTable table = new FeatureIndexTable(index);
        for (int i = 0; i < index.size(); i++) {
            assertEquals(i, table.indexOf(new String(index.get(i).toCharArray())), index.get(i)); // an equal string, not the same one
        }
        for (int i = 0; i < 50_000; i++) {
            String absent = Long.toString(random.nextLong(), 36) + "-PW|C";
            assertEquals(index.indexOf(absent), table.indexOf(absent), absent);
        }
    }

    @Test
    void stringsWithTheSameHashAreTold() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        Index<String> index = new HashIndex<>();
        index.add("Aa");
        index.add("x");
        FeatureIndexTable table = new FeatureIndexTable(index);
        assertEquals(0, table.indexOf("Aa"));
        assertEquals(-1, table.indexOf("BB"));
        index.add("BB");
        table = new FeatureIndexTable(index);
        assertEquals(2, table.indexOf("BB"));
        assertEquals(0, table.indexOf("Aa"));
    }

    @Test
    void anEmptyIndexKnowsNothing() {
        assertEquals(-1, new FeatureIndexTable(new HashIndex<>()).indexOf("###|C"));
        assertEquals(-1, new FeatureIndexTable(new HashIndex<>()).indexOf(null));
    }
}
