package dev.corpusstats.nlp.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves a document's mentions to their canonical mention: a person mention whose words are a
 * contiguous part of a longer person mention in the same document ("Karzai", "Hamid Karzai"), or a
 * mention of another type whose words end a longer one of its type ("Peace Council", "Afghan Peace
 * Council"; but not the adjective "Afghan"), resolves to the longest such mention (ties: the more
 * frequent, then the earlier). Words compare case-insensitively, ignoring a leading "the".
 */
final class EntityResolver {
    private EntityResolver() {
    }

    /** A mention before resolution: its words and text. */
    record Candidate(List<String> words, String text, String type) {
    }

    /**
     * For each candidate, in order, the text of the mention it resolves to. A mention's candidates
     * are found through an index (by type and word), and each distinct key is resolved once, so the
     * cost grows with the mentions that share words, not with every pair of mentions.
     */
    static List<String> canonicalTexts(List<Candidate> mentions) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Candidate m : mentions) {
            frequency.merge(m.text(), 1, Integer::sum);
        }
        List<List<String>> keys = new ArrayList<>(mentions.size());
        for (Candidate m : mentions) {
            keys.add(key(m.words()));
        }
        // The longer mentions a mention can resolve to contain its first word (persons) or end with
        // its last word (other types): index them by type and those words, in mention order.
        Map<String, List<Integer>> containing = new HashMap<>();
        for (int j = 0; j < mentions.size(); j++) {
            String type = mentions.get(j).type();
            List<String> key = keys.get(j);
            if (isPerson(type)) {
                for (String word : new LinkedHashSet<>(key)) {
                    containing.computeIfAbsent(indexKey(type, word), k -> new ArrayList<>()).add(j);
                }
            } else {
                containing.computeIfAbsent(indexKey(type, key.get(key.size() - 1)), k -> new ArrayList<>()).add(j);
            }
        }
        Map<List<String>, Integer> resolved = new HashMap<>(); // type and key → the mention resolved to, or -1
        List<String> canonical = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Candidate m = mentions.get(i);
            List<String> key = keys.get(i);
            List<String> typedKey = new ArrayList<>(key.size() + 1);
            typedKey.add(m.type());
            typedKey.addAll(key);
            int best = resolved.computeIfAbsent(typedKey, k -> longestContaining(m.type(), key, keys, mentions, frequency,
                    containing.getOrDefault(indexKey(m.type(), isPerson(m.type()) ? key.get(0) : key.get(key.size() - 1)), List.of())));
            canonical.add(best < 0 ? m.text() : mentions.get(best).text());
        }
        return canonical;
    }

    /**
     * Among the candidates (in mention order), the mention with the longest key that contains
     * {@code key} (persons: as a contiguous run; other types: as its ending); ties: the more frequent
     * text, then the earlier mention. -1 when none does.
     */
    private static int longestContaining(String type, List<String> key, List<List<String>> keys, List<Candidate> mentions,
                                         Map<String, Integer> frequency, List<Integer> candidates) {
        int best = -1;
        for (int j : candidates) {
            List<String> other = keys.get(j);
            if (other.size() <= key.size() || !(isPerson(type) ? containsRun(other, key) : endsWith(other, key))) {
                continue;
            }
            if (best < 0) {
                best = j;
                continue;
            }
            int bySize = Integer.compare(other.size(), keys.get(best).size());
            int byFrequency = Integer.compare(frequency.get(mentions.get(j).text()), frequency.get(mentions.get(best).text()));
            if (bySize > 0 || (bySize == 0 && byFrequency > 0)) {
                best = j;
            }
        }
        return best;
    }

    private static boolean isPerson(String type) {
        return type.equals(EntityRecognizer.PERSON);
    }

    private static String indexKey(String type, String word) {
        return type + '\u0000' + word;
    }

    private static List<String> key(List<String> words) {
        List<String> key = new ArrayList<>(words.size());
        for (String w : words) {
            key.add(w.toLowerCase(Locale.ROOT));
        }
        if (key.size() > 1 && key.get(0).equals("the")) {
            key.remove(0);
        }
        return key;
    }

    private static boolean endsWith(List<String> longer, List<String> shorter) {
        return longer.subList(longer.size() - shorter.size(), longer.size()).equals(shorter);
    }

    private static boolean containsRun(List<String> longer, List<String> shorter) {
        if (shorter.isEmpty()) {
            return false;
        }
        for (int start = 0; start + shorter.size() <= longer.size(); start++) {
            if (longer.subList(start, start + shorter.size()).equals(shorter)) {
                return true;
            }
        }
        return false;
    }
}
