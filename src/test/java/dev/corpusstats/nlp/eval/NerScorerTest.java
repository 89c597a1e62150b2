package dev.corpusstats.nlp.eval;

import dev.corpusstats.nlp.entities.EntitySpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NerScorerTest {
    private static final double EPS = 1e-12;

    private static void assertPrf(Prf actual, long gold, long predicted, long correct, double p, double r, double f1) {
        assertEquals(gold, actual.gold(), "gold");
        assertEquals(predicted, actual.predicted(), "predicted");
        assertEquals(correct, actual.correct(), "correct");
        assertEquals(p, actual.precision(), EPS, "precision");
        assertEquals(r, actual.recall(), EPS, "recall");
        assertEquals(f1, actual.f1(), EPS, "f1");
    }

    @Test
    void spanOffByOneTokenIsBothFalsePositiveAndFalseNegative() {
        NerScorer scorer = new NerScorer();
        scorer.add(List.of(new EntitySpan(0, 2, "PER")), List.of(new EntitySpan(0, 3, "PER")));
        assertPrf(scorer.scores().overall(), 1, 1, 0, 0, 0, 0);
    }

    @Test
    void wrongTypeOnRightSpanIsNotCorrect() {
        NerScorer scorer = new NerScorer();
        scorer.add(List.of(new EntitySpan(0, 2, "PER")), List.of(new EntitySpan(0, 2, "ORG")));
        NerScores scores = scorer.scores();
        assertPrf(scores.overall(), 1, 1, 0, 0, 0, 0);
        assertPrf(scores.perType().get("PER"), 1, 0, 0, 0, 0, 0);
        assertPrf(scores.perType().get("ORG"), 0, 1, 0, 0, 0, 0);
    }

    @Test
    void perTypeAndMicroAveragedScoresByHand() {
        NerScorer scorer = new NerScorer();
        // gold: John Smith (PER) in Paris (LOC); predicted: PER right, LOC one token too long
        scorer.add(Spans.of(List.of("I-PER", "I-PER", "O", "I-LOC", "O")),
                Spans.of(List.of("B-PER", "I-PER", "O", "B-LOC", "I-LOC")));
        // gold: one ORG; predicted: the ORG and a spurious PER
        scorer.add(List.of(new EntitySpan(0, 1, "ORG")),
                List.of(new EntitySpan(0, 1, "ORG"), new EntitySpan(2, 3, "PER")));
        NerScores scores = scorer.scores();

        assertEquals(List.of("LOC", "ORG", "PER"), List.copyOf(scores.perType().keySet()));
        assertPrf(scores.perType().get("LOC"), 1, 1, 0, 0, 0, 0);
        assertPrf(scores.perType().get("ORG"), 1, 1, 1, 1, 1, 1);
        assertPrf(scores.perType().get("PER"), 1, 2, 1, 0.5, 1, 2.0 / 3);
        // P = 2/4, R = 2/3, F1 = 2PR/(P+R) = 4/7
        assertPrf(scores.overall(), 3, 4, 2, 0.5, 2.0 / 3, 4.0 / 7);
    }

    @Test
    void nothingAddedScoresZeroNotNaN() {
        NerScores scores = new NerScorer().scores();
        assertPrf(scores.overall(), 0, 0, 0, 0, 0, 0);
        assertEquals(0, scores.perType().size());
    }

    @Test
    void rejectsDuplicateSpans() {
        EntitySpan span = new EntitySpan(0, 1, "PER");
        assertThrows(IllegalArgumentException.class, () -> new NerScorer().add(List.of(span, span), List.of()));
    }
}
