package dev.corpusstats.stats.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BurstDetectorTest {
    /** The bursts table's UDF holds a detector, and Spark serializes the UDF into every task. */
    @Test
    void survivesJavaSerialization() throws Exception {
        BurstDetector detector = new BurstDetector(2.0, 0.1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(detector);
        }
        BurstDetector copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (BurstDetector) in.readObject();
        }
        long[] relevant = {0, 1, 9, 8, 1, 0};
        long[] total = {10, 10, 10, 10, 10, 10};
        assertArrayEquals(detector.states(relevant, total), copy.states(relevant, total));
    }
}
