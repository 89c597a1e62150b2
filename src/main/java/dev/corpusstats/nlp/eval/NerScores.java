package dev.corpusstats.nlp.eval;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Entity-level exact-match scores: micro-averaged over all entities, and per entity type.
 *
 * @param overall counts summed over all types, and the scores of those sums
 * @param perType each type found in the gold or predicted entities, in type order
 */
public record NerScores(Prf overall, SortedMap<String, Prf> perType) {
    public NerScores {
        perType = Collections.unmodifiableSortedMap(new TreeMap<>(perType));
    }
}
