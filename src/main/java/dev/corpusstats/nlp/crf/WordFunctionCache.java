package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.AmericanizeFunction;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.function.Function;

/**
 * Remembers the results of a CRF model's word function ({@code wordFunction} in its flags) when it is
 * CoreNLP's {@code AmericanizeFunction}, which the English NER models use. The feature factory
 * applies it every time a feature reads a word, several times per token for each word of its window,
 * and Americanize tries its spelling patterns on each call. That function depends on the word alone,
 * so the labels are the same; other word functions are left as they are, since they need not be.
 *
 * <p>The memory is a {@link BoundedMap} of about {@link #MAX_WORDS} words whatever the corpus size;
 * words not kept are computed as before.
 */
final class WordFunctionCache {
    /** Words whose result is kept, per model. */
    static final int MAX_WORDS = 100_000;

    private WordFunctionCache() {
    }

    /**
     * Wraps the word function of {@code crf} and of its feature factories. Call before the classifier
     * is shared.
     *
     * @return whether a cache was installed everywhere: false when the model's word function is not
     *         Americanize, or when this CoreNLP version's fields differ (then the factories, or all
     *         of the classifier, run as before; the results are the same either way)
     */
    static boolean install(CRFClassifier<CoreLabel> crf, int maxWords) {
        if (!(crf.flags.wordFunction instanceof AmericanizeFunction) || crf.featureFactories == null) {
            return false;
        }
        try {
            Field flagsField = FeatureFactory.class.getDeclaredField("flags");
            flagsField.setAccessible(true);
            // One memory for the classifier's flags and its factories' (usually the same object):
            // every AmericanizeFunction gives the same result for a word.
            Cached cached = new Cached(crf.flags.wordFunction, maxWords);
            crf.flags.wordFunction = cached;
            for (FeatureFactory<CoreLabel> factory : crf.featureFactories) {
                SeqClassifierFlags flags = (SeqClassifierFlags) flagsField.get(factory);
                if (flags != null && flags.wordFunction instanceof AmericanizeFunction) {
                    flags.wordFunction = cached;
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** A word function with a bounded, thread-safe memory of its results. */
    static final class Cached implements Function<String, String>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Function<String, String> function;
        private final BoundedMap<String> results;

        Cached(Function<String, String> function, int maxWords) {
            this.function = function;
            this.results = new BoundedMap<>(maxWords);
        }

        @Override
        public String apply(String word) {
            if (word == null) {
                return function.apply(null);
            }
            String result = results.get(word);
            if (result == null) {
                result = function.apply(word);
                if (result != null) {
                    results.put(word, result); // ignored once the map is full
                }
            }
            return result;
        }
    }
}
