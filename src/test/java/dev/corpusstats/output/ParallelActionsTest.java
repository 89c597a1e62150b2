package dev.corpusstats.output;

import dev.corpusstats.testing.TestSpark;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParallelActionsTest {
    private final SparkContext spark = TestSpark.session().sparkContext();

    @Test
    void resultsComeInTheOrderGiven() {
        Map<String, Callable<Integer>> actions = new LinkedHashMap<>();
        actions.put("slow", () -> {
            Thread.sleep(200);
            return 1;
        });
        actions.put("quick", () -> 2);
        actions.put("spark", () -> (int) TestSpark.session().range(5).count());
        Map<String, Integer> results = ParallelActions.run(spark, actions, 3);
        assertEquals(List.of("slow", "quick", "spark"), List.copyOf(results.keySet()));
        assertEquals(List.of(1, 2, 5), List.copyOf(results.values()));
    }

    @Test
    void aFailureStopsTheActionsNotYetStartedAndIsRethrownAsItIs() {
        AtomicInteger ran = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("disk full");
        Map<String, Callable<Integer>> actions = new LinkedHashMap<>();
        actions.put("first", () -> {
            throw boom;
        });
        for (int i = 0; i < 4; i++) {
            actions.put("later" + i, ran::incrementAndGet);
        }
        assertSame(boom, assertThrows(IllegalStateException.class, () -> ParallelActions.run(spark, actions, 1)));
        assertEquals(0, ran.get(), "one at a time stops at the first failure, as a plain loop would");
    }

    @Test
    void aLaterFailureIsReportedEvenWhenAnEarlierActionSucceeds() {
        Map<String, Callable<Integer>> actions = new LinkedHashMap<>();
        actions.put("fine", () -> (int) TestSpark.session().range(3).count());
        actions.put("failing", () -> {
            throw new IllegalArgumentException("bad table");
        });
        assertEquals("bad table", assertThrows(IllegalArgumentException.class, () -> ParallelActions.run(spark, actions, 2)).getMessage());
    }
}
