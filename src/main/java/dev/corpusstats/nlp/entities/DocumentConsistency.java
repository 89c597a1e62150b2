package dev.corpusstats.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Document-level label consistency, applied after the CRF has labeled each sentence on its own.
 * News names an entity in full once and then repeats it, partly; a sentence-level model gets some
 * repetitions wrong or misses them. Within one document:
 * <ol>
 *   <li>{@link Rule#TYPE_VOTE}: every mention of the same text gets the type most of its mentions
 *       have (a strict majority; ties change nothing);</li>
 *   <li>{@link Rule#PERSON_PARTS}: a single capitalized token that is the first or last word of a
 *       multi-word person mention ("Karzai" after "Hamid Karzai") is a person wherever it stands
 *       alone;</li>
 *   <li>{@link Rule#PROPAGATE}: a capitalized text recognized as an entity somewhere is an entity
 *       of that type where the model missed it, if none of its tokens is in another entity.</li>
 * </ol>
 * Each rule's gain on the CoNLL-2003 development set is in docs/NER.md.
 */
public final class DocumentConsistency {
    /** The rules, in the order they apply. */
    public enum Rule { TYPE_VOTE, PERSON_PARTS, PROPAGATE }

    public static final Set<Rule> ALL = EnumSet.allOf(Rule.class);

    private DocumentConsistency() {
    }

    static List<List<EntitySpan>> apply(List<List<String>> sentences, List<List<EntitySpan>> spans) {
        return apply(sentences, spans, ALL);
    }

    static List<List<EntitySpan>> apply(List<List<String>> sentences, List<List<EntitySpan>> spans, Set<Rule> rules) {
        List<List<EntitySpan>> out = new ArrayList<>(spans.size());
        for (List<EntitySpan> s : spans) {
            out.add(new ArrayList<>(s));
        }
        Map<String, String> typeOf = majorityTypes(sentences, out);
        if (rules.contains(Rule.PERSON_PARTS)) {
            for (Map.Entry<String, String> part : personParts(sentences, out).entrySet()) {
                typeOf.put(part.getKey(), part.getValue());
            }
        }
        if (rules.contains(Rule.TYPE_VOTE) || rules.contains(Rule.PERSON_PARTS)) {
            retype(sentences, out, typeOf, rules);
        }
        if (rules.contains(Rule.PROPAGATE)) {
            propagate(sentences, out, typeOf);
        }
        return out;
    }

    private static String text(List<String> words, EntitySpan span) {
        return String.join(" ", words.subList(span.start(), span.end()));
    }

    /** Mention text → its strict-majority type in the document (absent if tied). */
    private static Map<String, String> majorityTypes(List<List<String>> sentences, List<List<EntitySpan>> spans) {
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (int s = 0; s < spans.size(); s++) {
            for (EntitySpan span : spans.get(s)) {
                votes.computeIfAbsent(text(sentences.get(s), span), k -> new HashMap<>()).merge(span.type(), 1, Integer::sum);
            }
        }
        Map<String, String> majority = new HashMap<>();
        votes.forEach((text, counts) -> {
            List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
            ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            if (ranked.size() == 1 || ranked.get(0).getValue() > ranked.get(1).getValue()) {
                majority.put(text, ranked.get(0).getKey());
            }
        });
        return majority;
    }

    /** First and last words of multi-word person mentions, as single-word texts typed PER. */
    private static Map<String, String> personParts(List<List<String>> sentences, List<List<EntitySpan>> spans) {
        Map<String, String> parts = new HashMap<>();
        for (int s = 0; s < spans.size(); s++) {
            List<String> words = sentences.get(s);
            for (EntitySpan span : spans.get(s)) {
                if (span.type().equals(EntityRecognizer.PERSON) && span.end() - span.start() >= 2) {
                    for (String part : List.of(words.get(span.start()), words.get(span.end() - 1))) {
                        if (isName(part)) {
                            parts.put(part, EntityRecognizer.PERSON);
                        }
                    }
                }
            }
        }
        return parts;
    }

    private static void retype(List<List<String>> sentences, List<List<EntitySpan>> spans, Map<String, String> typeOf, Set<Rule> rules) {
        for (int s = 0; s < spans.size(); s++) {
            List<EntitySpan> sentence = spans.get(s);
            for (int i = 0; i < sentence.size(); i++) {
                EntitySpan span = sentence.get(i);
                String text = text(sentences.get(s), span);
                String type = typeOf.get(text);
                boolean single = span.end() - span.start() == 1;
                boolean allowed = rules.contains(Rule.TYPE_VOTE) || (single && EntityRecognizer.PERSON.equals(type));
                if (type != null && allowed && !type.equals(span.type())) {
                    sentence.set(i, new EntitySpan(span.start(), span.end(), type));
                }
            }
        }
    }

    private static void propagate(List<List<String>> sentences, List<List<EntitySpan>> spans, Map<String, String> typeOf) {
        Map<String, List<List<String>>> byFirstWord = new HashMap<>();
        for (String text : typeOf.keySet()) {
            List<String> words = List.of(text.split(" "));
            if (words.stream().anyMatch(DocumentConsistency::isName)) {
                byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words);
            }
        }
        byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt(List<String>::size).reversed()));
        for (int s = 0; s < sentences.size(); s++) {
            List<String> words = sentences.get(s);
            boolean[] covered = new boolean[words.size()];
            for (EntitySpan span : spans.get(s)) {
                for (int i = span.start(); i < span.end(); i++) {
                    covered[i] = true;
                }
            }
            List<EntitySpan> added = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                List<List<String>> candidates = covered[i] ? null : byFirstWord.get(words.get(i));
                if (candidates == null) {
                    continue;
                }
                for (List<String> candidate : candidates) {
                    int end = i + candidate.size();
                    if (end <= words.size() && words.subList(i, end).equals(candidate) && uncovered(covered, i, end)
                            && !continuesName(words, i, end)) {
                        added.add(new EntitySpan(i, end, typeOf.get(String.join(" ", candidate))));
                        for (int k = i; k < end; k++) {
                            covered[k] = true;
                        }
                        i = end - 1;
                        break;
                    }
                }
            }
            if (!added.isEmpty()) {
                List<EntitySpan> merged = new ArrayList<>(spans.get(s));
                merged.addAll(added);
                merged.sort(Comparator.comparingInt(EntitySpan::start));
                spans.set(s, merged);
            }
        }
    }

    private static boolean uncovered(boolean[] covered, int start, int end) {
        for (int i = start; i < end; i++) {
            if (covered[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A match inside a longer capitalized run ("Kabul" in "Kabul University") is not the same entity.
     * The sentence's first word is capitalized anyway, so it does not count as a name before the match.
     */
    private static boolean continuesName(List<String> words, int start, int end) {
        return (end < words.size() && isName(words.get(end))) || (start > 1 && isName(words.get(start - 1)));
    }

    /** Two or more characters, the first an upper-case letter: "Karzai", "NATO", not "I" or "A". */
    static boolean isName(String word) {
        return word.length() >= 2 && Character.isUpperCase(word.codePointAt(0));
    }
}
