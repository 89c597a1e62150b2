package dev.corpusstats.nlp.eval;

import java.util.List;

/**
 * Trafilatura's evaluation counts: each "with" snippet found in the extracted text is a true
 * positive, missing a false negative; each "without" snippet found is a false positive, absent a
 * true negative. A snippet is found when it is a substring of the text, exactly as their
 * {@code evaluate_result} tests it ({@code to_include in result}); a page without text finds none.
 */
public record SnippetScores(long truePositives, long falseNegatives, long falsePositives, long trueNegatives) {
    public static final SnippetScores ZERO = new SnippetScores(0, 0, 0, 0);

    /** One page's counts. */
    public static SnippetScores of(String text, List<String> with, List<String> without) {
        long tp = 0;
        long fp = 0;
        for (String s : with) {
            if (text.contains(s)) {
                tp++;
            }
        }
        for (String s : without) {
            if (text.contains(s)) {
                fp++;
            }
        }
        return new SnippetScores(tp, with.size() - tp, fp, without.size() - fp);
    }

    public SnippetScores plus(SnippetScores o) {
        return new SnippetScores(truePositives + o.truePositives, falseNegatives + o.falseNegatives,
                falsePositives + o.falsePositives, trueNegatives + o.trueNegatives);
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        return ratio(truePositives + trueNegatives, truePositives + falseNegatives + falsePositives + trueNegatives);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
