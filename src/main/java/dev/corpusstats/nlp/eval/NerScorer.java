package dev.corpusstats.nlp.eval;

import dev.corpusstats.nlp.entities.EntitySpan;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Accumulates entity counts over sentences and scores them as the conlleval script does: a
 * predicted entity is correct only if a gold entity has exactly its span and type, so a span off
 * by one token counts as both a false positive and a false negative.
 */
public final class NerScorer {
    private static final int GOLD = 0;
    private static final int PREDICTED = 1;
    private static final int CORRECT = 2;

    private final Map<String, long[]> counts = new TreeMap<>();

    /**
     * Adds one sentence's entities.
     *
     * @throws IllegalArgumentException if either list holds the same span twice
     */
    public void add(List<EntitySpan> gold, List<EntitySpan> predicted) {
        Set<EntitySpan> goldSet = distinct(gold, "gold");
        for (EntitySpan span : gold) {
            count(span, GOLD);
        }
        for (EntitySpan span : distinct(predicted, "predicted")) {
            count(span, PREDICTED);
            if (goldSet.contains(span)) {
                count(span, CORRECT);
            }
        }
    }

    /** The scores of everything added so far. */
    public NerScores scores() {
        long[] total = new long[3];
        SortedMap<String, Prf> perType = new TreeMap<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            perType.put(e.getKey(), Prf.of(c[GOLD], c[PREDICTED], c[CORRECT]));
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        }
        return new NerScores(Prf.of(total[GOLD], total[PREDICTED], total[CORRECT]), perType);
    }

    private void count(EntitySpan span, int which) {
        counts.computeIfAbsent(span.type(), k -> new long[3])[which]++;
    }

    private static Set<EntitySpan> distinct(List<EntitySpan> spans, String side) {
        Set<EntitySpan> set = new HashSet<>(spans);
        if (set.size() != spans.size()) {
            throw new IllegalArgumentException("duplicate " + side + " span in " + spans);
        }
        return set;
    }
}
