package dev.corpusstats.stats.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormulasTest {
    private static final double EPS = 1e-12;

    @Test
    void idfIsSmoothed() {
        assertEquals(1.0, Formulas.idf(10, 10), EPS, "a term in every document weighs 1");
        assertEquals(Math.log(11.0 / 2.0) + 1, Formulas.idf(10, 1), EPS);
        assertEquals(Math.log(3.0 / 2.0) + 1, Formulas.idf(2, 1), EPS);
    }

    @Test
    void tfidfAndSalience() {
        assertEquals(0.25 * (Math.log(3.0 / 2.0) + 1), Formulas.tfidf(0.25, Formulas.idf(2, 1)), EPS);
        assertEquals(3 * 2.0, Formulas.salienceWeight(3, 0), EPS, "first named in the first sentence: doubled");
        assertEquals(3 * (1 + 1.0 / 5), Formulas.salienceWeight(3, 4), EPS);
    }

    @Test
    void pmiAndNpmi() {
        // c12 = 2, c1 = 3, c2 = 2, N = 9: p(xy) = 2/9, p(x) = 3/9, p(y) = 2/9.
        assertEquals(Math.log((2.0 / 9) / ((3.0 / 9) * (2.0 / 9))), Formulas.pmi(2, 3, 2, 9), EPS);
        assertEquals(Math.log(3.0) / -Math.log(2.0 / 9), Formulas.npmi(2, 3, 2, 9), EPS);
        assertEquals(1.0, Formulas.npmi(2, 2, 2, 9), EPS, "words only ever seen together");
        assertEquals(1.0, Formulas.npmi(5, 5, 5, 5), EPS, "bigram is the whole corpus");
    }

    @Test
    void logLikelihoodRatioMatchesTheContingencyTableSum() {
        // k11 = 2, k12 = 1, k21 = 0, k22 = 6 (c12 = 2, c1 = 3, c2 = 2, N = 9).
        double[][] k = {{2, 1}, {0, 6}};
        double n = 9;
        double g2 = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = (k[i][0] + k[i][1]) * (k[0][j] + k[1][j]) / n;
                if (k[i][j] > 0) {
                    g2 += k[i][j] * Math.log(k[i][j] / expected);
                }
            }
        }
        assertEquals(2 * g2, Formulas.logLikelihoodRatio(2, 3, 2, 9), 1e-9);
        assertEquals(0.0, Formulas.logLikelihoodRatio(1, 10, 10, 100), 1e-9, "independent words score 0");
    }
}
