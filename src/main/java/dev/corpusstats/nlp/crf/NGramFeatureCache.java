package dev.corpusstats.nlp.crf;

import edu.stanford.nlp.ie.NERFeatureFactory;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.sequences.FeatureFactory;
import edu.stanford.nlp.sequences.SeqClassifierFlags;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns on CoreNLP's own per-word cache of the CRF's character n-gram features ({@code cacheNGrams}),
 * backed by a bounded, thread-safe map. Without it the feature factory builds every prefix and suffix
 * string of every token again (a new string, hashed again for the feature lookup); with it a word
 * seen before reuses them. The labels are the same, since the n-grams depend on the word alone.
 *
 * <p>Since {@link CliqueFeatureCache}
 * keeps each word's feature indices, the job's two models reach this cache only where CoreNLP still
 * builds features itself: tokens carrying a domain, another NER system's tags or part-of-speech tags
 * (which the job's own tokens never do), CoreNLP's fallback decoding, and {@code --check-features}.
 * A model whose features the clique cache does not mirror uses it throughout.
 *
 * <p>CoreNLP's own map is a plain, unbounded {@code HashMap}: unsafe when task threads share a model,
 * and it grows with the vocabulary. The map installed here is concurrent and stops adding words at
 * about {@link #MAX_WORDS} (concurrent puts may overshoot by a few), so memory per executor stays
 * bounded whatever the corpus size. A corpus's frequent words tend to come early, so the first
 * words seen tend to be the ones worth keeping.
 */
final class NGramFeatureCache {
    /** Words whose n-gram features are kept, per model. */
    static final int MAX_WORDS = 30_000;

    private NGramFeatureCache() {
    }

    /**
     * Installs the cache in {@code crf}'s NER feature factories. Call before the classifier is shared.
     *
     * @return whether a cache was installed: false when the model uses no n-gram features, or when
     *         this CoreNLP version's fields differ (the classifier then runs as before, uncached)
     */
    static boolean install(CRFClassifier<CoreLabel> crf, int maxWords) {
        if (!crf.flags.useNGrams || crf.featureFactories == null) {
            return false;
        }
        try {
            Field substrings = NERFeatureFactory.class.getDeclaredField("wordToSubstrings");
            substrings.setAccessible(true);
            Field flags = FeatureFactory.class.getDeclaredField("flags");
            flags.setAccessible(true);
            List<FeatureFactory<CoreLabel>> factories = new ArrayList<>();
            for (FeatureFactory<CoreLabel> factory : crf.featureFactories) {
                if (factory instanceof NERFeatureFactory) {
                    substrings.set(factory, new BoundedMap<Collection<String>>(maxWords));
                    factories.add(factory);
                }
            }
            // The switch only once every factory has a safe map: CoreNLP's own must never be used.
            for (FeatureFactory<CoreLabel> factory : factories) {
                ((SeqClassifierFlags) flags.get(factory)).cacheNGrams = true;
            }
            crf.flags.cacheNGrams = !factories.isEmpty();
            return !factories.isEmpty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
