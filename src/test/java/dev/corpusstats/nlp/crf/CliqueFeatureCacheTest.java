package dev.corpusstats.nlp.crf;

import dev.corpusstats.nlp.text.Token;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliqueFeatureCacheTest {
    /** A distributional-similarity class no word of the lexicon has. */
    private static final String PRESET_CLASS = "999";

    /** Sentences that reach every branch: occurrence searches, short neighbours, titles, numbers, the padding. */
    private static List<List<String>> sentences() {
        List<List<String>> sentences = new ArrayList<>();
        for (Sentence s : new NewsTokenizer().split(TestFiles.seedText() + "\n\nThe United Nations met in New York on Monday, "
                + "said Ban Ki-moon, whose spokesman Stephane Dujarric flew with Air France to Paris. Mr. Smith met Dr Jones "
                + "and later Smith went to Zürich with ǅemal, who paid 1,200 francs on 1996-08-30 -- or 3.5% more.")) {
            sentences.add(s.tokens().stream().map(Token::word).toList());
        }
        sentences.add(List.of("SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", ",", "CHINA", "IN", "SURPRISE", "DEFEAT", "."));
        sentences.add(List.of("Karzai"));
        sentences.add(List.of("a", "b", "I", "of", "Mr", "'s", "\"", "(", ")", "e.g.", "U.S.", "colour", "Colour"));
        // Longer than the occurrence search (150 tokens either way), with the searched word far apart.
        List<String> longSentence = new ArrayList<>(List.of("Paris", "said", "Smith", "went", "home"));
        longSentence.addAll(Collections.nCopies(160, "and"));
        longSentence.addAll(List.of("then", "Smith", "went", "out", "of", "Paris", "."));
        sentences.add(longSentence);
        // The occurrence search's reach: "Jones" again 149 tokens on (found), "Brown" 150 on (not found).
        List<String> reach = new ArrayList<>(List.of("He", "Jones", "met", "Brown", "here"));
        reach.addAll(Collections.nCopies(145, "and"));
        reach.addAll(List.of("Jones", "met", "and", "Brown", "left", "."));
        sentences.add(reach);
        return sentences;
    }

    @Test
    void theCachedFeaturesAreCoreNlpsForBothModels() throws Exception {
        for (String model : List.of(JobConfig.Entities.CONLL_4CLASS, JobConfig.Entities.ALL_3CLASS)) {
            ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(model);
            assertTrue(crf.cachesFeatures(), model);
            for (int pass = 0; pass < 2; pass++) { // the second pass reads the words from the cache
                for (List<String> words : sentences()) {
                    assertSameFeatures(crf, crf.classifySentence(CoreLabels.of(words)), model + ": " + words);
                }
            }
        }
    }

    @Test
    void tokensThatAlreadyCarryAClassAreReadAsCoreNlpReadsThem() throws Exception {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        List<CoreLabel> document = crf.classifySentence(CoreLabels.of(List.of("Hamid", "Karzai", "said", "so", ".")));
        // CoreNLP annotates classes up to the first token that has one: here none after "Karzai".
        document.get(1).set(CoreAnnotations.DistSimAnnotation.class, PRESET_CLASS);
        assertSameFeatures(crf, document, "a preset class");
    }

    @Test
    void aCachedWordWithAnotherShapeGetsItsOwnFeatures() throws Exception {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        List<String> words = List.of("Hamid", "Karzai", "said", "so", ".");
        assertSameFeatures(crf, crf.classifySentence(CoreLabels.of(words)), "cached"); // "Karzai" is cached now
        List<CoreLabel> reshaped = crf.classifySentence(CoreLabels.of(words));
        reshaped.get(1).set(CoreAnnotations.ShapeAnnotation.class, "Xx-other");
        assertSameFeatures(crf, reshaped, "another shape");
        // Tokens without any shape, as classify (not classifySentence) would get them: CoreNLP reads "" or "null".
        assertSameFeatures(crf, CoreLabels.of(words), "no shapes");
    }

    @Test
    void longWordsAreNotCached() throws Exception {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        String url = "https://example.org/" + "a".repeat(CliqueFeatureCache.MAX_CACHED_LENGTH);
        List<String> words = List.of("See", url, "for", "Qwertyuiop", ".");
        assertSameFeatures(crf, crf.classifySentence(CoreLabels.of(words)), "a long word");
        assertFalse(crf.featureCache().isCached(url));
        assertTrue(crf.featureCache().isCached("Qwertyuiop"));
    }

    @Test
    void partOfSpeechTagsLeaveTheOccurrenceSearchToCoreNlp() throws Exception {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        List<CoreLabel> tagged = crf.classifySentence(CoreLabels.of(
                List.of("Mr", "Smith", "met", "Jones", "and", "later", "Smith", "went", "home", "with", "Smith", "too", ".")));
        for (CoreLabel token : tagged) {
            token.set(CoreAnnotations.PartOfSpeechAnnotation.class, Character.isUpperCase(token.word().charAt(0)) ? "NNP" : "NN");
        }
        assertSameFeatures(crf, tagged, "tagged");
    }

    @Test
    void aDomainOrAnotherSystemsTagsLeaveTheFeaturesToCoreNlp() throws Exception {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        List<CoreLabel> withDomain = crf.classifySentence(CoreLabels.of(List.of("Karzai", "said", "so")));
        withDomain.get(0).set(CoreAnnotations.DomainAnnotation.class, "news");
        assertNull(crf.featureCache().data(withDomain));
        List<CoreLabel> stacked = crf.classifySentence(CoreLabels.of(List.of("Karzai", "said", "so")));
        stacked.get(2).set(CoreAnnotations.StackedNamedEntityTagAnnotation.class, "O");
        assertNull(crf.featureCache().data(stacked));
    }

    @Test
    void threadsSharingAColdCacheGetTheSameFeatures() throws Exception {
        ViterbiCrfClassifier crf = (ViterbiCrfClassifier) CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        Field padField = AbstractSequenceClassifier.class.getDeclaredField("pad");
        padField.setAccessible(true);
        CliqueFeatureCache cold = CliqueFeatureCache.forModel(crf, (CoreLabel) padField.get(crf));
        assertNotNull(cold);
        List<List<CoreLabel>> documents = new ArrayList<>();
        for (List<String> words : sentences()) {
            documents.add(crf.classifySentence(CoreLabels.of(words)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<int[][][]>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(threads.submit(() -> {
                    List<int[][][]> data = new ArrayList<>();
                    for (List<CoreLabel> document : documents) {
                        data.add(cold.data(document));
                    }
                    return data;
                }));
            }
            for (Future<List<int[][][]>> result : results) {
                List<int[][][]> data = result.get(60, TimeUnit.SECONDS);
                for (int d = 0; d < documents.size(); d++) {
                    assertTrue(Arrays.deepEquals(crf.featureCache().data(documents.get(d)), data.get(d)), "document " + d);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertSameFeatures(ViterbiCrfClassifier crf, List<CoreLabel> annotated, String what) {
        List<CoreLabel> forCoreNlp = copyWithoutComputedClasses(annotated);
        List<CoreLabel> forCache = copyWithoutComputedClasses(annotated);
        int[][][] expected = crf.documentToDataAndLabels(forCoreNlp).first();
        int[][][] actual = crf.featureCache().data(forCache);
        assertNotNull(actual, what);
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(forCoreNlp.get(i).get(CoreAnnotations.DistSimAnnotation.class),
                    forCache.get(i).get(CoreAnnotations.DistSimAnnotation.class), what + " class at " + i);
            for (int clique = 0; clique < 2; clique++) {
                int[] set = Arrays.stream(expected[i][clique]).distinct().sorted().toArray();
                assertArrayEquals(set, actual[i][clique], what + " at " + i + ", clique " + clique);
            }
        }
    }

    /** Copies of the tokens; the classes CoreNLP computed are removed (a preset one stays). */
    private static List<CoreLabel> copyWithoutComputedClasses(List<CoreLabel> document) {
        List<CoreLabel> copy = new ArrayList<>();
        for (CoreLabel token : document) {
            CoreLabel c = new CoreLabel(token);
            if (!PRESET_CLASS.equals(c.get(CoreAnnotations.DistSimAnnotation.class))) {
                c.remove(CoreAnnotations.DistSimAnnotation.class);
            }
            copy.add(c);
        }
        return copy;
    }

    @Test
    void aModelWithOtherFeatureFlagsIsNotCached() throws Exception {
        assertNull(CliqueFeatureCache.forModel(new CRFClassifier<>(new SeqClassifierFlags()), new CoreLabel()), "an untrained CRF");
        SeqClassifierFlags supported = CliqueFeatureCache.supportedFlags();
        SeqClassifierFlags other = CliqueFeatureCache.supportedFlags();
        other.useWordPairs = true;
        assertFalse(CliqueFeatureCache.sameFeatureFlags(other, supported));
        SeqClassifierFlags trainedElsewhere = CliqueFeatureCache.supportedFlags();
        trainedElsewhere.sigma = 20;
        trainedElsewhere.disjunctionWidth = 5; // read by the cache
        assertTrue(CliqueFeatureCache.sameFeatureFlags(trainedElsewhere, supported));
    }

    @Test
    void occurrencePatternsAreSearchedAfterATokenBeforeALowerCaseWord() {
        assertTrue(CliqueFeatureCache.occurrencePatternSearched("Smith", "went", "later", true));
        assertFalse(CliqueFeatureCache.occurrencePatternSearched("Smith", "went", "later", false), "first token");
        assertFalse(CliqueFeatureCache.occurrencePatternSearched("SMITH", "went", "later", true), "not name case");
        assertFalse(CliqueFeatureCache.occurrencePatternSearched("Smith", "Went", "later", true));
        assertFalse(CliqueFeatureCache.occurrencePatternSearched("Smith", "went", ",", true), "no letter before");
        assertFalse(CliqueFeatureCache.occurrencePatternSearched("Smith", "", "later", true), "the padding after");
    }

    @Test
    void indicesAreSortedAndDistinct() {
        assertArrayEquals(new int[] {1, 4, 9}, CliqueFeatureCache.distinctSorted(new int[] {9, 4, 1, 4, 9, 99}, 5));
        assertArrayEquals(new int[0], CliqueFeatureCache.distinctSorted(new int[] {3}, 0));
    }
}
