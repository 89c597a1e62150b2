package dev.corpusstats.stats.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Kleinberg's two-state burst automaton for documents arriving in batches (J. Kleinberg, "Bursty
 * and hierarchical structure in streams", KDD 2002, section 4, the enumerated form). Batch t has
 * dₜ documents, rₜ of them relevant. The base state emits relevant documents at rate p₀ = R / D,
 * the burst state at p₁ = min(s · p₀, {@value #MAX_BURST_RATE}). A batch costs σ(i, t) =
 * −ln[C(dₜ, rₜ) pᵢ^rₜ (1 − pᵢ)^(dₜ − rₜ)] in state i; entering the burst state costs γ ln n for n
 * batches, leaving it nothing. The path of least total cost, starting in the base state, is found
 * exactly by dynamic programming; of equal costs the lower state wins. Serializable: Spark ships it
 * to executors inside the bursts UDF.
 */
public final class BurstDetector implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final double MAX_BURST_RATE = 0.9999;

    private final double s;
    private final double gamma;

    /** A maximal run of burst-state batches, {@code start} to {@code end} included. */
    public record Burst(int start, int end, double weight, long relevant) {
    }

    /**
     * @param s     the burst rate's multiple of the base rate, greater than 1
     * @param gamma the weight of the cost of entering the burst state, 0 or more
     */
    public BurstDetector(double s, double gamma) {
        if (!(s > 1) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("s must be greater than 1, got " + s);
        }
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be 0 or more, got " + gamma);
        }
        this.s = s;
        this.gamma = gamma;
    }

    /**
     * The optimal state (0 base, 1 burst) of each batch; all 0 when nothing is relevant or the
     * base rate leaves no room for a higher one.
     *
     * @param relevant rₜ per batch
     * @param total    dₜ per batch, each at least rₜ
     */
    public int[] states(long[] relevant, long[] total) {
        check(relevant, total);
        int n = relevant.length;
        int[] states = new int[n];
        double[] rates = rates(relevant, total);
        if (rates == null) {
            return states;
        }
        double enter = gamma * Math.log(n);
        // cost[i]: the least cost of batches 0..t ending in state i; from[t][i]: its previous state
        double cost0 = 0;
        double cost1 = enter;
        int[][] from = new int[n][2];
        boolean first = true;
        for (int t = 0; t < n; t++) {
            double c0 = cost(relevant[t], total[t], rates[0]);
            double c1 = cost(relevant[t], total[t], rates[1]);
            double next0;
            double next1;
            if (first) {
                next0 = c0;
                next1 = enter + c1;
                from[t][0] = 0;
                from[t][1] = 0;
                first = false;
            } else {
                // into state 0: from 0 at no cost, from 1 at no cost
                if (cost0 <= cost1) {
                    next0 = cost0 + c0;
                    from[t][0] = 0;
                } else {
                    next0 = cost1 + c0;
                    from[t][0] = 1;
                }
                // into state 1: from 0 paying the entry, from 1 at no cost
                if (cost0 + enter <= cost1) {
                    next1 = cost0 + enter + c1;
                    from[t][1] = 0;
                } else {
                    next1 = cost1 + c1;
                    from[t][1] = 1;
                }
            }
            cost0 = next0;
            cost1 = next1;
        }
        int state = cost0 <= cost1 ? 0 : 1;
        for (int t = n - 1; t >= 0; t--) {
            states[t] = state;
            state = from[t][state];
        }
        return states;
    }

    /** The runs of burst-state batches, in order, with Kleinberg's weight Σ σ(0, t) − σ(1, t). */
    public List<Burst> bursts(long[] relevant, long[] total) {
        int[] states = states(relevant, total);
        List<Burst> bursts = new ArrayList<>();
        double[] rates = rates(relevant, total);
        int t = 0;
        while (t < states.length) {
            if (states[t] == 0) {
                t++;
                continue;
            }
            int start = t;
            double weight = 0;
            long docs = 0;
            while (t < states.length && states[t] == 1) {
                weight += cost(relevant[t], total[t], rates[0]) - cost(relevant[t], total[t], rates[1]);
                docs += relevant[t];
                t++;
            }
            bursts.add(new Burst(start, t - 1, weight, docs));
        }
        return bursts;
    }

    /** {p₀, p₁}, or null if no batch is relevant or p₁ would not exceed p₀. */
    private double[] rates(long[] relevant, long[] total) {
        long r = 0;
        long d = 0;
        for (int t = 0; t < relevant.length; t++) {
            r += relevant[t];
            d += total[t];
        }
        if (r == 0 || d == 0) {
            return null;
        }
        double p0 = (double) r / d;
        double p1 = Math.min(s * p0, MAX_BURST_RATE);
        return p1 > p0 ? new double[] {p0, p1} : null;
    }

    /**
     * σ without ln C(dₜ, rₜ): that term is the same in both states, so it changes neither the
     * optimal path nor a burst's weight.
     */
    private static double cost(long r, long d, double p) {
        double c = 0;
        if (r > 0) {
            c -= r * Math.log(p);
        }
        if (d > r) {
            c -= (d - r) * Math.log1p(-p);
        }
        return c;
    }

    private static void check(long[] relevant, long[] total) {
        if (relevant.length != total.length) {
            throw new IllegalArgumentException(relevant.length + " relevant counts for " + total.length + " batches");
        }
        for (int t = 0; t < relevant.length; t++) {
            if (relevant[t] < 0 || relevant[t] > total[t]) {
                throw new IllegalArgumentException("batch " + t + ": " + relevant[t] + " relevant of " + total[t]);
            }
        }
    }
}
