package dev.corpusstats.nlp.eval;

/**
 * Entity counts and the scores derived from them, as fractions in [0, 1] (conlleval prints them
 * as percentages). A ratio with a zero denominator is 0, so an absent type scores 0, not NaN.
 *
 * @param gold      entities in the gold annotation
 * @param predicted entities the tagger produced
 * @param correct   predicted entities equal in span and type to a gold one
 */
public record Prf(long gold, long predicted, long correct, double precision, double recall, double f1) {

    /** Scores from counts. */
    public static Prf of(long gold, long predicted, long correct) {
        double precision = ratio(correct, predicted);
        double recall = ratio(correct, gold);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Prf(gold, predicted, correct, precision, recall, f1);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
