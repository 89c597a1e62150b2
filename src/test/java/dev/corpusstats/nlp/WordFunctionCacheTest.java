package dev.corpusstats.nlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AmericanizeFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void theJobsModelsRememberTheirWordFunction() {
        for (String model : List.of(CrfEntityRecognizer.CONLL_4CLASS, CrfEntityRecognizer.ALL_3CLASS)) {
            CRFClassifier<CoreLabel> crf = CrfEntityRecognizer.load(model);
            assertInstanceOf(WordFunctionCache.Cached.class, crf.flags.wordFunction, model);
        }
    }
}
