package dev.corpusstats.nlp.entities;

import dev.corpusstats.stats.core.Formulas;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity as one document mentions it.
 *
 * @param entityId   corpus-wide id
 * @param name       its most frequent canonical text in the document (ties: the longer, then the first)
 * @param type       PER, ORG, LOC or MISC
 * @param mentions   its mentions in the document
 * @param firstBegin code-point offset of its first mention
 * @param salience   its share of the document's salience weights ({@link Formulas#salienceWeight}): in
 *                   [0, 1], summing to 1 per document
 */
public record DocEntity(String entityId, String name, String type, int mentions, int firstBegin, double salience)
        implements Serializable {

    /** The entities of a document from its mentions (in text order), in order of first mention. */
    public static List<DocEntity> of(List<EntityMention> mentions) {
        Map<String, List<EntityMention>> byEntity = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            byEntity.computeIfAbsent(m.entityId(), k -> new ArrayList<>()).add(m);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, List<EntityMention>> e : byEntity.entrySet()) {
            int firstSentence = e.getValue().stream().mapToInt(EntityMention::sentence).min().orElse(0);
            double w = Formulas.salienceWeight(e.getValue().size(), firstSentence);
            weights.put(e.getKey(), w);
            total += w;
        }
        List<DocEntity> entities = new ArrayList<>(byEntity.size());
        for (Map.Entry<String, List<EntityMention>> e : byEntity.entrySet()) {
            List<EntityMention> ms = e.getValue();
            entities.add(new DocEntity(e.getKey(), name(ms), ms.get(0).type(), ms.size(),
                    ms.stream().mapToInt(EntityMention::begin).min().orElse(0), weights.get(e.getKey()) / total));
        }
        return entities;
    }

    private static String name(List<EntityMention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            counts.merge(m.canonical(), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().length()))
                .orElseThrow().getKey();
    }
}
