package dev.corpusstats.nlp.crf;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map that ignores new keys once it holds {@code maxSize} (concurrent puts may overshoot
 * by a few): the per-word caches put into CoreNLP's shared classifiers, whose memory must stay
 * bounded whatever the corpus size. A corpus's frequent words tend to come early, so the first
 * words seen tend to be the ones worth keeping.
 */
final class BoundedMap<V> extends ConcurrentHashMap<String, V> {
    private static final long serialVersionUID = 1L;
    private final int maxSize;

    BoundedMap(int maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public V put(String key, V value) {
        return size() < maxSize ? super.put(key, value) : null;
    }
}
