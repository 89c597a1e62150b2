package dev.corpusstats.nlp.crf;

import dev.corpusstats.nlp.text.Token;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.ExactBestSequenceFinder;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import edu.stanford.nlp.sequences.SequenceModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrfProductOfExpertsTest {
    /** From CoNLL-2003 dev: sentences the pair labels right and the 4-class model alone does not. */
    private static final List<List<String>> SENTENCES = List.of(
            List.of("Man", "of", "the", "Match", ":", "Aravinda", "de", "Silva"),
            List.of("July", "12", "v", "Scotland"),
            List.of("GOLF", "-", "HENKE", "TAKES", "LEAD", "IN", "MILWAUKEE", ",", "WOODS", "MAKES", "PRO", "DEBUT", "."));

    private static CrfProductOfExperts pair() {
        return CrfProductOfExperts.of("4class", CrfModels.load(JobConfig.Entities.CONLL_4CLASS),
                "3class", CrfModels.load(JobConfig.Entities.ALL_3CLASS));
    }

    @Test
    void itFindsTheSequenceCoreNlpsViterbiFindsOverTheSumOfBothModelsLogProbabilities() {
        CRFClassifier<CoreLabel> main = CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        CRFClassifier<CoreLabel> expert = CrfModels.load(JobConfig.Entities.ALL_3CLASS);
        CrfProductOfExperts pair = pair();
        for (List<String> words : SENTENCES) {
            assertTrue(allMarked(pair, words), "every position of the test sentence is scored by the expert");
            // CoreNLP's own route: each model's conditional log-probabilities from its calibrated clique
            // tree, summed, searched by CoreNLP's exact best-sequence finder.
            SequenceModel a = main.getSequenceModel(main.classifySentence(CoreLabels.of(words)));
            SequenceModel b = expert.getSequenceModel(expert.classifySentence(CoreLabels.of(words)));
            int[] best = new ExactBestSequenceFinder().bestSequence(new SumOfLogProbabilities(a, b, labelMap(main, expert)));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                expected.add(main.classIndex.get(best[i + main.windowSize - 1]));
            }
            List<String> answers = pair.answers(words);
            assertEquals(expected, answers, String.join(" ", words));
            assertNotEquals(answersAlone(main, words), answers, "the expert changes this sentence's labels: " + String.join(" ", words));
        }
        assertEquals(List.of("PERSON", "PERSON", "PERSON"), pair.answers(SENTENCES.get(0)).subList(5, 8));
        assertEquals("LOCATION", pair.answers(SENTENCES.get(1)).get(3));
    }

    @Test
    void theExpertScoresPositionsNearAnUpperCaseLetterOrAnEntityOfTheMainModel() {
        List<String> words = List.of("he", "said", "that", "it", "was", "over", "in", "the", "end", "for", "Karzai", "and", "his",
                "men", "now", "and", "then", "said", "they");
        int[] nothing = new int[words.size()];
        Arrays.fill(nothing, background());
        boolean[] marked = pair().expertPositions(words, nothing); // the main model found nothing
        for (int i = 0; i < words.size(); i++) {
            assertEquals(i >= 8 && i <= 12, marked[i], "position " + i + " (" + words.get(i) + ")");
        }
        int[] mainAlone = nothing.clone();
        mainAlone[1] = background() == 0 ? 1 : 0; // say the main model labels "said" as an entity
        assertArrayEquals(new boolean[] {true, true, true, true, false}, Arrays.copyOf(pair().expertPositions(words, mainAlone), 5));
    }

    @Test
    void scoresForSomePositionsAreThoseOfAFullPassAndTheOthersAreLeftOut() {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.ALL_3CLASS);
        Random random = new Random(11);
        for (List<String> words : seedSentences()) {
            boolean[] some = new boolean[words.size()];
            for (int i = 0; i < some.length; i++) {
                some[i] = random.nextBoolean();
            }
            // From the feature cache, and from CoreNLP's own feature building (a domain on the first token
            // makes the cache step aside).
            for (boolean viaCoreNlp : new boolean[] {false, true}) {
                double[][] all = crf.windowScores(prepared(crf, words, viaCoreNlp));
                double[][] partial = crf.windowScores(prepared(crf, words, viaCoreNlp), some);
                for (int i = 0; i < some.length; i++) {
                    if (some[i]) {
                        assertArrayEquals(all[i], partial[i], "position " + i + " of " + String.join(" ", words));
                    } else {
                        assertNull(partial[i]);
                    }
                }
            }
            if (crf.cachesFeatures()) {
                int[][][] all = crf.featureCache().data(crf.prepare(words));
                int[][][] partial = crf.featureCache().data(crf.prepare(words), some);
                for (int i = 0; i < some.length; i++) {
                    assertTrue(some[i] ? Arrays.deepEquals(all[i], partial[i]) : partial[i][0] == null && partial[i][1] == null);
                }
            }
        }
    }

    private static List<CoreLabel> prepared(ViterbiCrfClassifier crf, List<String> words, boolean withDomain) {
        List<CoreLabel> document = crf.prepare(words);
        if (withDomain) {
            document.get(0).set(CoreAnnotations.DomainAnnotation.class, "news");
        }
        return document;
    }

    private static List<List<String>> seedSentences() {
        List<List<String>> sentences = new ArrayList<>();
        for (Sentence s : new NewsTokenizer().split(TestFiles.seedText())) {
            sentences.add(s.tokens().stream().map(Token::word).toList());
        }
        return sentences;
    }

    @Test
    void modelsThatCannotBeDecodedTogetherAreRefusedWithTheirNames() {
        CRFClassifier<CoreLabel> notViterbi = new CRFClassifier<>(new SeqClassifierFlags());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrfProductOfExperts.of(
                "main.ser.gz", CrfModels.load(JobConfig.Entities.CONLL_4CLASS), "other.ser.gz", notViterbi));
        assertTrue(e.getMessage().contains("main.ser.gz") && e.getMessage().contains("other.ser.gz"), e.getMessage());
    }

    @Test
    void anEmptySentenceHasNoLabels() {
        assertEquals(List.of(), pair().answers(List.of()));
    }

    private static int background() {
        return ((ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS)).background();
    }

    private static boolean allMarked(CrfProductOfExperts pair, List<String> words) {
        int[] nothing = new int[words.size()];
        Arrays.fill(nothing, background());
        for (boolean marked : pair.expertPositions(words, nothing)) {
            if (!marked) {
                return false;
            }
        }
        return true;
    }

    private static List<String> answersAlone(CRFClassifier<CoreLabel> crf, List<String> words) {
        return crf.classifySentence(CoreLabels.of(words)).stream()
                .map(t -> t.get(CoreAnnotations.AnswerAnnotation.class)).toList();
    }

    /** Per main label, the expert's label of that name, or the expert's background. */
    private static int[] labelMap(CRFClassifier<CoreLabel> main, CRFClassifier<CoreLabel> expert) {
        int[] map = new int[main.classIndex.size()];
        for (int y = 0; y < map.length; y++) {
            int other = expert.classIndex.indexOf(main.classIndex.get(y));
            map[y] = other >= 0 ? other : expert.classIndex.indexOf(expert.flags.backgroundSymbol);
        }
        return map;
    }

    /** Two CoreNLP sequence models' scores summed, the second's read through a label map. */
    private record SumOfLogProbabilities(SequenceModel main, SequenceModel expert, int[] map) implements SequenceModel {
        public int length() {
            return main.length();
        }

        public int leftWindow() {
            return main.leftWindow();
        }

        public int rightWindow() {
            return main.rightWindow();
        }

        public int[] getPossibleValues(int position) {
            return main.getPossibleValues(position);
        }

        public double scoreOf(int[] tags, int position) {
            int[] mapped = new int[tags.length];
            for (int k = 0; k < tags.length; k++) {
                mapped[k] = map[tags[k]];
            }
            return main.scoreOf(tags, position) + expert.scoreOf(mapped, position);
        }

        public double[] scoresOf(int[] tags, int position) {
            int[] values = getPossibleValues(position);
            double[] scores = new double[values.length];
            int[] t = tags.clone();
            for (int i = 0; i < values.length; i++) {
                t[position] = values[i];
                scores[i] = scoreOf(t, position);
            }
            return scores;
        }

        public double scoreOf(int[] sequence) {
            throw new UnsupportedOperationException();
        }
    }
}
