package dev.corpusstats.stats.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link BurstDetector} against costs written out from Kleinberg's definitions: σ(i, t) =
 * −ln[C(d, r) pᵢ^r (1 − pᵢ)^(d − r)], γ ln n to enter the burst state (also at the first batch,
 * since the automaton starts in the base state), nothing to leave it.
 */
class BurstDetectorTest {
    private static final double EPS = 1e-9;

    /** σ in full, with the binomial coefficient the detector leaves out (it is the same in both states). */
    private static double sigma(long r, long d, double p) {
        double lnChoose = 0;
        for (long k = 1; k <= r; k++) {
            lnChoose += Math.log(d - r + k) - Math.log(k);
        }
        double c = -lnChoose;
        if (r > 0) {
            c -= r * Math.log(p);
        }
        if (d > r) {
            c -= (d - r) * Math.log(1 - p);
        }
        return c;
    }

    private static double[] rates(long[] r, long[] d, double s) {
        long rs = 0;
        long ds = 0;
        for (int t = 0; t < r.length; t++) {
            rs += r[t];
            ds += d[t];
        }
        double p0 = (double) rs / ds;
        return new double[] {p0, Math.min(s * p0, 0.9999)};
    }

    /** The total cost of one state path: the batches' σ plus γ ln n for each entry into the burst state. */
    private static double pathCost(int[] path, long[] r, long[] d, double p0, double p1, double gamma) {
        double enter = gamma * Math.log(path.length);
        double cost = 0;
        int previous = 0;
        for (int t = 0; t < path.length; t++) {
            cost += sigma(r[t], d[t], path[t] == 0 ? p0 : p1);
            if (path[t] == 1 && previous == 0) {
                cost += enter;
            }
            previous = path[t];
        }
        return cost;
    }

    private static int[] path(long mask, int n) {
        int[] path = new int[n];
        for (int t = 0; t < n; t++) {
            path[t] = (int) (mask >> t) & 1;
        }
        return path;
    }

    /** Every one of the 2ⁿ paths with its cost, cheapest not sorted: the independent oracle. */
    private static List<double[]> allPathCosts(long[] r, long[] d, double s, double gamma) {
        double[] p = rates(r, d, s);
        List<double[]> costs = new ArrayList<>();
        for (long mask = 0; mask < (1L << r.length); mask++) {
            costs.add(new double[] {mask, pathCost(path(mask, r.length), r, d, p[0], p[1], gamma)});
        }
        return costs;
    }

    /** {@code expected} costs less than each other path, by enumeration. */
    private static void assertCheapestOfAll(int[] expected, long[] r, long[] d, double s, double gamma) {
        double[] p = rates(r, d, s);
        double cost = pathCost(expected, r, d, p[0], p[1], gamma);
        for (double[] other : allPathCosts(r, d, s, gamma)) {
            int[] path = path((long) other[0], r.length);
            if (!java.util.Arrays.equals(path, expected)) {
                assertTrue(other[1] > cost + EPS, java.util.Arrays.toString(path) + " costs " + other[1] + ", not more than " + cost);
            }
        }
    }

    private static int[] states(double s, double gamma, long[] r, long[] d) {
        return new BurstDetector(s, gamma).states(r, d);
    }

    @Test
    void aClearBurstInTheMiddle() {
        long[] r = {1, 7, 1};
        long[] d = {10, 10, 10};
        // p0 = 9/30 = 0.3, p1 = 2 · 0.3 = 0.6; entering costs 1 · ln 3 = 1.0986
        // r = 7: σ0 − σ1 = 7 ln(0.6/0.3) + 3 ln(0.4/0.7) = 4.8520 − 1.6788 = 3.1731 > 1.0986: burst
        // r = 1: σ0 − σ1 = ln 2 + 9 ln(4/7) = 0.6931 − 5.0366 < 0: base
        double gain = sigma(7, 10, 0.3) - sigma(7, 10, 0.6);
        assertEquals(7 * Math.log(2) + 3 * Math.log(0.4 / 0.7), gain, EPS);
        assertEquals(3.1731, gain, 1e-4);
        assertTrue(sigma(1, 10, 0.3) < sigma(1, 10, 0.6));
        assertArrayEquals(new int[] {0, 1, 0}, states(2, 1, r, d));

        // the path 010 costs less than every other of the 8
        double best = pathCost(new int[] {0, 1, 0}, r, d, 0.3, 0.6, 1);
        for (long mask = 0; mask < 8; mask++) {
            if (mask != 0b010) {
                assertTrue(pathCost(path(mask, 3), r, d, 0.3, 0.6, 1) > best, "path " + Long.toBinaryString(mask));
            }
        }
        List<BurstDetector.Burst> bursts = new BurstDetector(2, 1).bursts(r, d);
        assertEquals(1, bursts.size());
        assertEquals(1, bursts.get(0).start());
        assertEquals(1, bursts.get(0).end());
        assertEquals(gain, bursts.get(0).weight(), EPS);
        assertEquals(7, bursts.get(0).relevant());
    }

    @Test
    void noRelevantDocumentsMeansNoBursts() {
        long[] r = {0, 0, 0, 0};
        long[] d = {5, 9, 0, 3};
        assertArrayEquals(new int[4], states(2, 0, r, d));
        assertEquals(List.of(), new BurstDetector(2, 0).bursts(r, d));
        // nothing at all, not even documents
        assertArrayEquals(new int[3], states(2, 0, new long[3], new long[3]));
        assertArrayEquals(new int[0], states(2, 1, new long[0], new long[0]));
    }

    @Test
    void aUniformRateHasNoBurstEvenForFreeEntry() {
        // each batch's own rate is p0 = 0.2, which maximises its likelihood, so σ0 < σ1 everywhere
        long[] r = {2, 2, 2, 2, 2};
        long[] d = {10, 10, 10, 10, 10};
        assertTrue(sigma(2, 10, 0.2) < sigma(2, 10, 0.4));
        assertArrayEquals(new int[5], states(2, 0, r, d));
        assertEquals(List.of(), new BurstDetector(2, 0).bursts(r, d));
    }

    @Test
    void everyDocumentRelevantLeavesNoHigherRateAndNoBurst() {
        // p0 = 1, so p1 = min(s · 1, 0.9999) is not above it
        assertArrayEquals(new int[3], states(3, 0, new long[] {4, 9, 1}, new long[] {4, 9, 1}));
    }

    @Test
    void gammaDecidesWhetherAShortBurstPaysItsEntry() {
        long[] r = {1, 7, 1};
        long[] d = {10, 10, 10};
        // the burst gains 3.1731 (see aClearBurstInTheMiddle); it is kept while γ ln 3 is below that
        double gain = sigma(7, 10, 0.3) - sigma(7, 10, 0.6);
        double threshold = gain / Math.log(3); // 2.888
        assertEquals(2.888, threshold, 1e-3);
        assertArrayEquals(new int[] {0, 1, 0}, states(2, 0, r, d));
        assertArrayEquals(new int[] {0, 1, 0}, states(2, threshold * 0.99, r, d));
        assertArrayEquals(new int[] {0, 0, 0}, states(2, threshold * 1.01, r, d));
        assertArrayEquals(new int[] {0, 0, 0}, states(2, 3, r, d));
        assertEquals(List.of(), new BurstDetector(2, 3).bursts(r, d));
    }

    @Test
    void aBurstAtTheFirstBatchPaysTheEntryAsWellAsOneAtTheLast() {
        long[] rFirst = {7, 1, 1};
        long[] rLast = {1, 1, 7};
        long[] d = {10, 10, 10};
        double threshold = (sigma(7, 10, 0.3) - sigma(7, 10, 0.6)) / Math.log(3);
        assertArrayEquals(new int[] {1, 0, 0}, states(2, 1, rFirst, d));
        assertArrayEquals(new int[] {0, 0, 1}, states(2, 1, rLast, d));
        // the automaton starts in the base state: a burst at batch 0 is not free
        assertArrayEquals(new int[] {0, 0, 0}, states(2, threshold * 1.01, rFirst, d));
        assertArrayEquals(new int[] {1, 0, 0}, states(2, threshold * 0.99, rFirst, d));
        assertArrayEquals(new int[] {0, 0, 0}, states(2, threshold * 1.01, rLast, d));

        BurstDetector.Burst last = new BurstDetector(2, 1).bursts(rLast, d).get(0);
        assertEquals(new BurstDetector.Burst(2, 2, last.weight(), 7), last);
    }

    @Test
    void anEmptyBatchInsideABurstKeepsItWhenReenteringCosts() {
        long[] r = {7, 0, 7, 1};
        long[] d = {10, 0, 10, 10};
        // p0 = 15/30 = 0.5, p1 = 0.75. r = 7: σ0 − σ1 = 7 ln 1.5 + 3 ln 0.5 = 2.8383 − 2.0794 = 0.7588
        // r = 1: σ0 − σ1 = ln 1.5 + 9 ln 0.5 < 0. An empty batch costs 0 in both states.
        double gain = sigma(7, 10, 0.5) - sigma(7, 10, 0.75);
        assertEquals(0.7588, gain, 1e-4);
        assertEquals(0, sigma(0, 0, 0.5), EPS);
        assertEquals(0, sigma(0, 0, 0.75), EPS);
        // γ = 0.5: entry 0.5 ln 4 = 0.6931; one entry for 1110 (gain 1.5177) beats two for 1010
        assertCheapestOfAll(new int[] {1, 1, 1, 0}, r, d, 1.5, 0.5);
        assertArrayEquals(new int[] {1, 1, 1, 0}, states(1.5, 0.5, r, d));
        List<BurstDetector.Burst> bursts = new BurstDetector(1.5, 0.5).bursts(r, d);
        assertEquals(1, bursts.size());
        assertEquals(0, bursts.get(0).start());
        assertEquals(2, bursts.get(0).end());
        assertEquals(2 * gain, bursts.get(0).weight(), EPS, "the empty batch adds nothing to the weight");
        assertEquals(14, bursts.get(0).relevant());
    }

    @Test
    void tiesGoToTheLowerState() {
        // γ = 0: the empty batch costs the same in both states and so do the moves around it
        long[] r = {7, 0, 7, 1};
        long[] d = {10, 0, 10, 10};
        assertArrayEquals(new int[] {1, 0, 1, 0}, states(1.5, 0, r, d));
        List<BurstDetector.Burst> bursts = new BurstDetector(1.5, 0).bursts(r, d);
        assertEquals(2, bursts.size());
        assertEquals(List.of(0, 0, 2, 2), List.of(bursts.get(0).start(), bursts.get(0).end(), bursts.get(1).start(), bursts.get(1).end()));

        // an empty batch after a burst: staying and leaving both cost nothing, so it is base
        assertArrayEquals(new int[] {0, 1, 0}, states(2, 1, new long[] {1, 7, 0}, new long[] {10, 10, 0}));
        // and one before a burst with free entry
        assertArrayEquals(new int[] {0, 1, 0}, states(2, 0, new long[] {0, 7, 1}, new long[] {0, 10, 10}));
    }

    @Test
    void theBurstRateIsCappedBelowOne() {
        long[] r = {0, 10, 10, 0};
        long[] d = {10, 10, 10, 10};
        // p0 = 0.5, s · p0 = 1 exactly: p1 = 0.9999, so σ1 of 10 of 10 is −10 ln 0.9999 = 0.0010, not 0,
        // and σ1 of 0 of 10 is −10 ln 0.0001 = 92.1, finite
        assertEquals(0.0010, sigma(10, 10, 0.9999), 1e-4);
        assertEquals(92.1034, sigma(0, 10, 0.9999), 1e-4);
        assertCheapestOfAll(new int[] {0, 1, 1, 0}, r, d, 2, 1);
        assertArrayEquals(new int[] {0, 1, 1, 0}, states(2, 1, r, d));
        BurstDetector.Burst burst = new BurstDetector(2, 1).bursts(r, d).get(0);
        double capped = 2 * (sigma(10, 10, 0.5) - sigma(10, 10, 0.9999));
        assertEquals(capped, burst.weight(), EPS);
        assertTrue(Math.abs(burst.weight() - 20 * Math.log(2)) > 1e-3, "p1 = 1 would give 20 ln 2");
        assertEquals(20, burst.relevant());
        // s well past 1 / p0 gives the same
        assertEquals(burst, new BurstDetector(50, 1).bursts(r, d).get(0));
    }

    @Test
    void aLongBurstsWeightAndRelevantAreItsBatchesSums() {
        long[] r = {1, 6, 8, 5, 1, 0};
        long[] d = {20, 10, 12, 9, 20, 15};
        double[] p = rates(r, d, 2.5);
        assertCheapestOfAll(new int[] {0, 1, 1, 1, 0, 0}, r, d, 2.5, 1);
        assertArrayEquals(new int[] {0, 1, 1, 1, 0, 0}, states(2.5, 1, r, d));
        double weight = 0;
        for (int t = 1; t <= 3; t++) {
            weight += sigma(r[t], d[t], p[0]) - sigma(r[t], d[t], p[1]);
        }
        BurstDetector.Burst burst = new BurstDetector(2.5, 1).bursts(r, d).get(0);
        assertEquals(1, burst.start());
        assertEquals(3, burst.end());
        assertEquals(weight, burst.weight(), EPS);
        assertEquals(19, burst.relevant());
    }

    @Test
    void badArgumentsAreRejected() {
        BurstDetector detector = new BurstDetector(2, 1);
        assertThrows(IllegalArgumentException.class, () -> detector.states(new long[] {1, 2}, new long[] {5}));
        assertThrows(IllegalArgumentException.class, () -> detector.bursts(new long[] {1}, new long[] {5, 5}));
        assertThrows(IllegalArgumentException.class, () -> detector.states(new long[] {1, 6}, new long[] {5, 5}));
        assertThrows(IllegalArgumentException.class, () -> detector.states(new long[] {-1, 0}, new long[] {5, 5}));
        for (double s : new double[] {1, 0.5, 0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new BurstDetector(s, 1), "s = " + s);
        }
        for (double gamma : new double[] {-0.001, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> new BurstDetector(2, gamma), "gamma = " + gamma);
        }
        new BurstDetector(1.0001, 0); // just past the bounds
    }

    @Test
    void randomSequencesFollowTheCheapestOfAllPaths() {
        Random random = new Random(20020723);
        double[] ss = {1.5, 2, 3, 5};
        double[] gammas = {0, 0.5, 1, 2};
        int compared = 0;
        int unique = 0;
        for (int c = 0; c < 3000; c++) {
            int n = 1 + random.nextInt(8);
            long[] r = new long[n];
            long[] d = new long[n];
            double rate = 0.05 + 0.3 * random.nextDouble();
            for (int t = 0; t < n; t++) {
                d[t] = random.nextInt(5) == 0 ? 0 : random.nextInt(15);
                double batchRate = random.nextInt(4) == 0 ? Math.min(1, rate * 3) : rate;
                for (int k = 0; k < d[t]; k++) {
                    r[t] += random.nextDouble() < batchRate ? 1 : 0;
                }
            }
            double s = ss[random.nextInt(ss.length)];
            double gamma = gammas[random.nextInt(gammas.length)];
            String what = "r=" + java.util.Arrays.toString(r) + " d=" + java.util.Arrays.toString(d) + " s=" + s + " γ=" + gamma;
            int[] found = states(s, gamma, r, d);
            double[] p = rates(r, d, s);
            if (Double.isNaN(p[0]) || p[0] == 0 || !(p[1] > p[0])) {
                assertArrayEquals(new int[n], found, what);
                continue;
            }
            compared++;
            List<double[]> all = allPathCosts(r, d, s, gamma);
            double min = all.stream().mapToDouble(x -> x[1]).min().orElseThrow();
            double cost = pathCost(found, r, d, p[0], p[1], gamma);
            assertEquals(min, cost, 1e-9 * Math.max(1, Math.abs(min)), what);
            long ties = all.stream().filter(x -> x[1] <= min + 1e-9 * Math.max(1, Math.abs(min))).count();
            if (ties == 1) {
                unique++;
                long best = (long) all.stream().filter(x -> x[1] == min).findFirst().orElseThrow()[0];
                assertArrayEquals(path(best, n), found, what);
            }
            // bursts() reads the same path and sums σ0 − σ1 over each run
            List<BurstDetector.Burst> bursts = new BurstDetector(s, gamma).bursts(r, d);
            int inBursts = 0;
            for (BurstDetector.Burst b : bursts) {
                double weight = 0;
                long relevant = 0;
                for (int t = b.start(); t <= b.end(); t++) {
                    assertEquals(1, found[t], what);
                    weight += sigma(r[t], d[t], p[0]) - sigma(r[t], d[t], p[1]);
                    relevant += r[t];
                    inBursts++;
                }
                assertTrue(b.start() == 0 || found[b.start() - 1] == 0, what);
                assertTrue(b.end() == n - 1 || found[b.end() + 1] == 0, what);
                assertEquals(weight, b.weight(), 1e-9, what);
                assertEquals(relevant, b.relevant(), what);
            }
            assertEquals(java.util.Arrays.stream(found).sum(), inBursts, what);
        }
        assertTrue(compared > 2000 && unique > 1500, compared + " compared, " + unique + " with one cheapest path");
    }

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
