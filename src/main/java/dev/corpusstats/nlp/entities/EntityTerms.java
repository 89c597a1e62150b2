package dev.corpusstats.nlp.entities;

import dev.corpusstats.nlp.text.TermNormalizer;
import dev.corpusstats.nlp.text.TermNormalizer.Kind;
import dev.corpusstats.nlp.text.TermNormalizer.Normalized;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words said around each entity of a document: per entity, the unigram terms of the sentences
 * that mention it (each sentence once per entity), without the words of the entity's own name.
 */
public final class EntityTerms {
    private EntityTerms() {
    }

    /**
     * @param mentions   the document's mentions
     * @param sentences  the document's tokens, normalized, sentence by sentence
     * @param normalizer the normalizer that made them (for the words of entity names)
     * @return the counts, entity by entity in order of first mention
     */
    public static List<EntityTermCount> count(List<EntityMention> mentions, List<List<Normalized>> sentences,
                                              TermNormalizer normalizer) {
        Map<String, Set<Integer>> sentencesOf = new LinkedHashMap<>();
        Map<String, Set<String>> ownWords = new HashMap<>();
        for (EntityMention m : mentions) {
            sentencesOf.computeIfAbsent(m.entityId(), k -> new HashSet<>()).add(m.sentence());
            Set<String> own = ownWords.computeIfAbsent(m.entityId(), k -> new HashSet<>());
            for (String word : m.canonical().split("\\s+")) {
                String term = normalizer.term(word);
                if (term != null) {
                    own.add(term);
                }
            }
        }
        List<EntityTermCount> counts = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> e : sentencesOf.entrySet()) {
            Map<String, Integer> termCounts = new LinkedHashMap<>();
            for (int s : e.getValue()) {
                for (Normalized form : sentences.get(s)) {
                    if (form.kind() == Kind.TERM && !ownWords.get(e.getKey()).contains(form.form())) {
                        termCounts.merge(form.form(), 1, Integer::sum);
                    }
                }
            }
            termCounts.forEach((term, count) -> counts.add(new EntityTermCount(e.getKey(), term, count)));
        }
        return counts;
    }
}
