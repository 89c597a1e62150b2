package dev.corpusstats.nlp.crf;

import dev.corpusstats.config.JobConfig;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AmericanizeFunction;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class WordFunctionCacheTest {
    @Test
    void givesTheFunctionsResultsAndComputesEachKeptWordOnce() {
        AtomicInteger calls = new AtomicInteger();
        Function<String, String> americanize = new AmericanizeFunction();
        WordFunctionCache.Cached cached = new WordFunctionCache.Cached(w -> {
            calls.incrementAndGet();
            return americanize.apply(w);
        }, 100);
        for (int pass = 0; pass < 3; pass++) {
            for (String word : List.of("colour", "Organisation", "labour", "Kabul", "realise", "")) {
                assertEquals(americanize.apply(word), cached.apply(word), word);
            }
        }
        assertEquals(6, calls.get(), "each word computed once, then remembered");
        assertEquals("color", cached.apply("colour"));
        assertNull(cached.apply(null));
    }

    @Test
    void stopsRememberingAtItsBoundButStillAnswers() {
        AtomicInteger calls = new AtomicInteger();
        WordFunctionCache.Cached cached = new WordFunctionCache.Cached(w -> {
            calls.incrementAndGet();
            return w.toUpperCase();
        }, 2);
        for (int pass = 0; pass < 2; pass++) {
            assertEquals("A", cached.apply("a"));
            assertEquals("B", cached.apply("b"));
            assertEquals("C", cached.apply("c"));
        }
        assertEquals(4, calls.get(), "a and b kept; c, over the bound, computed each time");
    }

    @Test
    void theJobsModelsRememberTheirWordFunctionWhereTheFeaturesReadIt() throws Exception {
        Field flagsField = FeatureFactory.class.getDeclaredField("flags");
        flagsField.setAccessible(true);
        for (String model : List.of(JobConfig.Entities.CONLL_4CLASS, JobConfig.Entities.ALL_3CLASS)) {
            CRFClassifier<CoreLabel> crf = CrfModels.load(model);
            assertInstanceOf(WordFunctionCache.Cached.class, crf.flags.wordFunction, model);
            for (FeatureFactory<CoreLabel> factory : crf.featureFactories) { // what FeatureFactory.getWord reads
                SeqClassifierFlags flags = (SeqClassifierFlags) flagsField.get(factory);
                assertInstanceOf(WordFunctionCache.Cached.class, flags.wordFunction, model);
            }
        }
        // Same labels with the cache as without: NGramFeatureCacheTest compares the job's model with a plain one.
    }

    @Test
    void leavesOtherWordFunctionsAlone() {
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(new Properties());
        Function<String, String> lowerCase = String::toLowerCase;
        crf.flags.wordFunction = lowerCase;
        assertFalse(WordFunctionCache.install(crf, 10));
        assertSame(lowerCase, crf.flags.wordFunction);
    }
}
