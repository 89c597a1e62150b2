package dev.corpusstats.nlp.crf;

import dev.corpusstats.nlp.text.Token;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViterbiCrfClassifierTest {
    private static final double NO = -100;

    @Test
    void theBestSequenceBeatsTheGreedyOne() {
        // Two labels, first order (windows of 2: code = previous * 2 + current; background 0 before the start).
        // Greedy takes label 1 at position 0 (2 > 1), but then position 1 costs 10; 0 then 1 scores 1 + 5.
        double[][] scores = {
                {1, 2, NO, NO},  // from background 0 only: (0,0) = 1, (0,1) = 2
                {0, 5, -10, -10} // (0,0) 0, (0,1) 5, (1,0) -10, (1,1) -10
        };
        assertArrayEquals(new int[] {0, 1}, ViterbiCrfClassifier.bestSequence(scores, 2, 2, 0, null));
    }

    @Test
    void theLabelsBeforeTheStartAreTheBackground() {
        double[][] scores = {{0, 1, 3, -1}}; // windows (0,0) (0,1) (1,0) (1,1)
        assertArrayEquals(new int[] {1}, ViterbiCrfClassifier.bestSequence(scores, 2, 2, 0, null), "from background 0: (0,1) = 1");
        assertArrayEquals(new int[] {0}, ViterbiCrfClassifier.bestSequence(scores, 2, 2, 1, null), "from background 1: (1,0) = 3");
    }

    @Test
    void onlyAllowedLabelsAreChosen() {
        double[][] scores = {{1, 9, NO, NO}, {0, 0, 0, 0}};
        assertArrayEquals(new int[] {0, 0}, ViterbiCrfClassifier.bestSequence(scores, 2, 2, 0, new int[][] {{0}, null}));
    }

    @Test
    void aWindowTheModelNeverSawIsNeverChosen() {
        double inf = Double.NEGATIVE_INFINITY;
        double[][] scores = {{0, 50, inf, inf}, {0, -90, inf, -1}}; // (1,0) impossible: 1 must stay 1
        assertArrayEquals(new int[] {1, 1}, ViterbiCrfClassifier.bestSequence(scores, 2, 2, 0, null));
    }

    @Test
    void aZeroOrderModelTakesEachPositionsBest() {
        double[][] scores = {{1, 2, 0}, {3, 1, 2}, {0, 0, 5}};
        assertArrayEquals(new int[] {1, 0, 2}, ViterbiCrfClassifier.bestSequence(scores, 3, 1, 0, null));
    }

    @Test
    void whenNoSequenceIsPossibleThereIsNone() {
        double inf = Double.NEGATIVE_INFINITY;
        assertNull(ViterbiCrfClassifier.bestSequence(new double[][] {{0, inf, inf, inf}}, 2, 2, 0, new int[][] {{1}}));
    }

    @Test
    void itFindsWhatExhaustiveSearchFinds() {
        Random random = new Random(7);
        int classes = 3;
        int window = 3;
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(5);
            double[][] scores = new double[n][27];
            int[][] allowed = round % 2 == 0 ? null : new int[n][];
            for (int i = 0; i < n; i++) {
                for (int w = 0; w < scores[i].length; w++) {
                    // Some windows impossible, as a model's unseen label sequences are.
                    scores[i][w] = random.nextInt(6) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian();
                }
                if (allowed != null && random.nextBoolean()) {
                    allowed[i] = random.nextBoolean() ? new int[] {random.nextInt(classes)} : new int[] {0, 2};
                }
            }
            double best = bruteForceBest(scores, classes, window, 2, allowed);
            int[] found = ViterbiCrfClassifier.bestSequence(scores, classes, window, 2, allowed);
            if (best == Double.NEGATIVE_INFINITY) {
                assertNull(found);
            } else {
                assertEquals(best, total(scores, found, classes, window, 2), 1e-9);
                for (int i = 0; i < n; i++) {
                    assertTrue(isAllowed(allowed, i, found[i]));
                }
            }
        }
    }

    @Test
    void bothModelsDecodeByViterbiAndLabelAsCoreNlpDoes() throws Exception {
        List<List<String>> sentences = new ArrayList<>();
        for (Sentence s : new NewsTokenizer().split(TestFiles.seedText() + "\n\nThe United Nations met in New York on Monday, "
                + "said Ban Ki-moon, whose spokesman Stephane Dujarric flew with Air France to Paris. Apple and "
                + "Microsoft shares rose on the Nasdaq; the Dow Jones fell.")) {
            sentences.add(s.tokens().stream().map(Token::word).toList());
        }
        // From WikiGold: decoding as if unseen label pairs scored 0 made "Wha" a PERSON here.
        sentences.add(List.of("Formed", "in", "1986", ",", "they", "signed", "to", "independent", "label", "Food", "later",
                "that", "year", "and", "their", "début", "single", "\"", "Wha", "Gives", "You", "The", "Idea", "That", "You",
                "'re", "So", "Amazing", ",", "Baby", "?", "\"", "reached", "number", "2", "in", "the", "UK", "Indie", "Chart",
                "in", "March", "1983", "."));
        for (String model : List.of(JobConfig.Entities.CONLL_4CLASS, JobConfig.Entities.ALL_3CLASS)) {
            CRFClassifier<CoreLabel> viterbi = CrfModels.load(model);
            assertInstanceOf(ViterbiCrfClassifier.class, viterbi);
            assertTrue(((ViterbiCrfClassifier) viterbi).decodesByViterbi(), model);
            CRFClassifier<CoreLabel> coreNlp = CRFClassifier.getClassifier(model);
            for (List<String> words : sentences) {
                assertEquals(labels(coreNlp, words), labels(viterbi, words), model + ": " + String.join(" ", words));
            }
        }
    }

    private static List<String> labels(CRFClassifier<CoreLabel> crf, List<String> words) {
        return crf.classifySentence(CoreLabels.of(words)).stream().map(t -> t.get(CoreAnnotations.AnswerAnnotation.class)).toList();
    }

    private static double bruteForceBest(double[][] scores, int classes, int window, int background, int[][] allowed) {
        int n = scores.length;
        double best = Double.NEGATIVE_INFINITY;
        int[] sequence = new int[n];
        for (int code = 0; code < Math.pow(classes, n); code++) {
            int c = code;
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                sequence[i] = c % classes;
                c /= classes;
                ok &= isAllowed(allowed, i, sequence[i]);
            }
            if (ok) {
                best = Math.max(best, total(scores, sequence, classes, window, background));
            }
        }
        return best;
    }

    private static boolean isAllowed(int[][] allowed, int position, int label) {
        return allowed == null || allowed[position] == null || Arrays.stream(allowed[position]).anyMatch(l -> l == label);
    }

    private static double total(double[][] scores, int[] sequence, int classes, int window, int background) {
        double sum = 0;
        for (int i = 0; i < sequence.length; i++) {
            int w = 0;
            for (int p = i - window + 1; p <= i; p++) {
                w = w * classes + (p < 0 ? background : sequence[p]);
            }
            sum += scores[i][w];
        }
        return sum;
    }
}
