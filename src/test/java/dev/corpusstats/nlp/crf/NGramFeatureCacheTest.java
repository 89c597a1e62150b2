package dev.corpusstats.nlp.crf;

import dev.corpusstats.nlp.text.Token;
import dev.corpusstats.nlp.text.Sentence;
import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.config.JobConfig;
import dev.corpusstats.testing.TestFiles;
import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NGramFeatureCacheTest {
    @Test
    void theMapStopsAddingWordsAtItsBound() {
        BoundedMap<List<String>> map = new BoundedMap<>(2);
        map.put("a", List.of("#<a#"));
        map.put("b", List.of("#<b#"));
        assertNull(map.put("c", List.of("#<c#")));
        assertEquals(2, map.size());
        assertFalse(map.containsKey("c"));
        assertEquals(List.of("#<a#"), map.get("a"));
    }

    /**
     * The n-gram cache serves CoreNLP's own feature building, which the job still runs for what
     * {@link CliqueFeatureCache} leaves to it (other models, tagged sentences).
     */
    @Test
    void theJobsModelCachesNGramsAndLabelsAsWithout() throws Exception {
        List<List<String>> sentences = new ArrayList<>();
        for (Sentence s : new NewsTokenizer().split(TestFiles.seedText())) {
            sentences.add(s.tokens().stream().map(Token::word).toList());
        }
        CRFClassifier<CoreLabel> cached = CrfModels.load(JobConfig.Entities.CONLL_4CLASS);
        CRFClassifier<CoreLabel> plain = CRFClassifier.getClassifier(JobConfig.Entities.CONLL_4CLASS);
        assertTrue(cached.flags.cacheNGrams);
        assertFalse(plain.flags.cacheNGrams, "CoreNLP's default, which the comparison relies on");
        for (int pass = 0; pass < 2; pass++) { // CoreNLP's feature building reads, on the second pass, the cache the first filled
            for (List<String> words : sentences) {
                assertEquals(labels(plain, words), labels(cached, words), String.join(" ", words));
                assertEquals(coreNlpFeatures(plain, words), coreNlpFeatures(cached, words), String.join(" ", words));
            }
        }
        Map<?, ?> substrings = wordToSubstrings(cached);
        assertInstanceOf(BoundedMap.class, substrings);
        assertTrue(substrings.containsKey("Karzai"), "the seed's words are cached");
    }

    @Test
    void theMiscRetypingModelCachesToo() {
        CRFClassifier<CoreLabel> retyping = CrfModels.load(JobConfig.Entities.ALL_3CLASS);
        assertTrue(retyping.flags.useNGrams && retyping.flags.cacheNGrams);
    }

    private static Map<?, ?> wordToSubstrings(CRFClassifier<CoreLabel> crf) throws ReflectiveOperationException {
        Field field = NERFeatureFactory.class.getDeclaredField("wordToSubstrings");
        field.setAccessible(true);
        return (Map<?, ?>) field.get(crf.featureFactories.get(0));
    }

    /** Per position and clique, the sorted feature indices CoreNLP's own feature building gives. */
    private static List<List<List<Integer>>> coreNlpFeatures(CRFClassifier<CoreLabel> crf, List<String> words) {
        int[][][] data = crf.documentToDataAndLabels(crf.classifySentence(CoreLabels.of(words))).first();
        List<List<List<Integer>>> features = new ArrayList<>();
        for (int[][] position : data) {
            List<List<Integer>> cliques = new ArrayList<>();
            for (int[] clique : position) {
                cliques.add(Arrays.stream(clique).sorted().boxed().toList());
            }
            features.add(cliques);
        }
        return features;
    }

    /** The classifier's raw answers (not the recognizer's mapped types), so every label is compared. */
    private static List<String> labels(CRFClassifier<CoreLabel> crf, List<String> words) {
        return crf.classifySentence(CoreLabels.of(words)).stream().map(t -> t.get(CoreAnnotations.AnswerAnnotation.class)).toList();
    }
}
