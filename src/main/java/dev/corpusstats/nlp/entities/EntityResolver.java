package dev.corpusstats.nlp.entities;

import java.util.ArrayList;
import java.util.HashMap;
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

    /** For each candidate, in order, the text of the mention it resolves to. */
    static List<String> canonicalTexts(List<Candidate> mentions) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Candidate m : mentions) {
            frequency.merge(m.text(), 1, Integer::sum);
        }
        List<List<String>> keys = new ArrayList<>(mentions.size());
        for (Candidate m : mentions) {
            keys.add(key(m.words()));
        }
        List<String> canonical = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Candidate m = mentions.get(i);
            int best = i;
            for (int j = 0; j < mentions.size(); j++) {
                Candidate other = mentions.get(j);
                if (!other.type().equals(m.type()) || keys.get(j).size() <= keys.get(i).size()
                        || !(m.type().equals(EntityRecognizer.PERSON) ? containsRun(keys.get(j), keys.get(i)) : endsWith(keys.get(j), keys.get(i)))) {
                    continue;
                }
                Candidate current = mentions.get(best);
                int bySize = Integer.compare(keys.get(j).size(), keys.get(best).size());
                int byFrequency = Integer.compare(frequency.get(other.text()), frequency.get(current.text()));
                if (best == i || bySize > 0 || (bySize == 0 && byFrequency > 0)) {
                    best = j;
                }
            }
            canonical.add(mentions.get(best).text());
        }
        return canonical;
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
