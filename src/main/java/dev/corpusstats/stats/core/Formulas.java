package dev.corpusstats.stats.core;

/**
 * The statistics' formulas, as documented in docs/SCHEMA.md. Natural logarithms throughout.
 * Pure functions, no Spark types: the Spark tables and the NLP core call exactly these.
 */
public final class Formulas {
    private Formulas() {
    }

    /**
     * Smoothed inverse document frequency, {@code ln((1 + N) / (1 + df)) + 1} (as scikit-learn's
     * {@code smooth_idf}): as if one extra document contained every term, so no division by zero,
     * and a term in every document still weighs 1, not 0.
     */
    public static double idf(long corpusDocs, long docCount) {
        return Math.log((1.0 + corpusDocs) / (1.0 + docCount)) + 1.0;
    }

    /** tf-idf of a term in a document: {@code tf · idf}, tf its share of the document's terms of the same n. */
    public static double tfidf(double tf, double idf) {
        return tf * idf;
    }

    /**
     * Salience weight of an entity in a document, {@code mentions · (1 + 1 / (1 + first sentence index))}:
     * its frequency, up to doubled for entities introduced early (news puts the main actors first).
     * An entity's salience is its weight over the sum of the weights of the document's entities, so
     * saliences are in [0, 1] and sum to 1 per document.
     */
    public static double salienceWeight(int mentions, int firstSentence) {
        return mentions * (1.0 + 1.0 / (1 + firstSentence));
    }

    /**
     * Pointwise mutual information of a bigram, {@code ln(c12 · N / (c1 · c2))}: c12 the bigram count,
     * c1 and c2 its words' unigram counts, N the corpus's unigram term count.
     */
    public static double pmi(long c12, long c1, long c2, long n) {
        return Math.log((double) c12 * n / ((double) c1 * c2));
    }

    /** Normalized PMI, {@code pmi / -ln(c12 / N)}, in [-1, 1]; 1 when the bigram is the whole corpus. */
    public static double npmi(long c12, long c1, long c2, long n) {
        double h = -Math.log((double) c12 / n);
        return h == 0 ? 1.0 : pmi(c12, c1, c2, n) / h;
    }

    /**
     * Dunning's log-likelihood ratio G² of a bigram's 2×2 contingency table, with
     * k11 = c12, k12 = c1 − c12, k21 = c2 − c12, k22 = N − c1 − c2 + c12:
     * {@code G² = 2 · Σ k_ij · ln(k_ij / E_ij)}, E_ij the count expected under independence.
     * Computed through entropies, {@code 2 · (Σ k ln k − Σ row ln row − Σ col ln col + N ln N)},
     * which is the same sum without divisions. Never negative.
     */
    public static double logLikelihoodRatio(long c12, long c1, long c2, long n) {
        long k11 = c12;
        long k12 = Math.max(0, c1 - c12);
        long k21 = Math.max(0, c2 - c12);
        long k22 = Math.max(0, n - c1 - c2 + c12);
        long total = k11 + k12 + k21 + k22;
        double cells = xlogx(k11) + xlogx(k12) + xlogx(k21) + xlogx(k22);
        double rows = xlogx(k11 + k12) + xlogx(k21 + k22);
        double cols = xlogx(k11 + k21) + xlogx(k12 + k22);
        return Math.max(0.0, 2.0 * (cells - rows - cols + xlogx(total)));
    }

    private static double xlogx(long x) {
        return x == 0 ? 0.0 : x * Math.log(x);
    }

    /**
     * Document-level NPMI of two entities: with p(a, b) = docs(a, b) / N, p(a) = docs(a) / N,
     * {@code ln(p(a, b) / (p(a) · p(b))) / −ln p(a, b)}; 1 when they appear in every document together.
     */
    public static double documentNpmi(long docsTogether, long docsA, long docsB, long n) {
        return npmi(docsTogether, docsA, docsB, n);
    }
}
