package dev.corpusstats.nlp.entities;

import dev.corpusstats.nlp.entities.EntityResolver.Candidate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityResolverTest {

    private static Candidate c(String text, String type) {
        return new Candidate(List.of(text.split(" ")), text, type);
    }

    @Test
    void shorterMentionsResolveToTheLongestCompatibleOne() {
        List<Candidate> mentions = List.of(c("Karzai", "PER"), c("Hamid Karzai", "PER"), c("Hamid", "PER"),
                c("Karzai", "PER"), c("Peace Council", "ORG"), c("Afghan Peace Council", "ORG"), c("Afghan", "MISC"),
                c("Council", "ORG"), c("Karzai", "LOC"));
        assertEquals(List.of("Hamid Karzai", "Hamid Karzai", "Hamid Karzai", "Hamid Karzai", "Afghan Peace Council",
                "Afghan Peace Council", "Afghan", "Afghan Peace Council", "Karzai"), EntityResolver.canonicalTexts(mentions));
    }

    @Test
    void nonPersonsResolveOnlyToLongerNamesTheyEnd() {
        List<Candidate> mentions = List.of(c("Kabul", "ORG"), c("Kabul University", "ORG"), c("the Taliban", "ORG"), c("Taliban", "ORG"));
        assertEquals(List.of("Kabul", "Kabul University", "the Taliban", "Taliban"), EntityResolver.canonicalTexts(mentions),
                "equal after dropping \"the\": the entity key merges them");
    }

    @Test
    void resolvesAsComparingEveryPairWould() {
        String[] words = {"Hamid", "Karzai", "the", "Peace", "Council", "Afghan", "Kabul", "HAMID", "Smith"};
        String[] types = {"PER", "PER", "ORG", "LOC", "MISC"};
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<Candidate> mentions = new ArrayList<>();
            for (int m = random.nextInt(25); m >= 0; m--) {
                List<String> name = new ArrayList<>();
                for (int w = 1 + random.nextInt(4); w > 0; w--) {
                    name.add(words[random.nextInt(words.length)]);
                }
                mentions.add(new Candidate(name, String.join(" ", name), types[random.nextInt(types.length)]));
            }
            assertEquals(everyPair(mentions), EntityResolver.canonicalTexts(mentions), "round " + round + ": " + mentions);
        }
    }

    /** The rule stated directly: every mention against every other, quadratic. */
    private static List<String> everyPair(List<Candidate> mentions) {
        Map<String, Integer> frequency = new HashMap<>();
        mentions.forEach(m -> frequency.merge(m.text(), 1, Integer::sum));
        List<String> canonical = new ArrayList<>();
        for (Candidate m : mentions) {
            List<String> key = key(m.words());
            Candidate best = null;
            for (Candidate other : mentions) {
                List<String> longer = key(other.words());
                boolean contains = m.type().equals("PER")
                        ? Collections.indexOfSubList(longer, key) >= 0
                        : longer.size() >= key.size() && longer.subList(longer.size() - key.size(), longer.size()).equals(key);
                if (!other.type().equals(m.type()) || longer.size() <= key.size() || !contains) {
                    continue;
                }
                if (best == null || longer.size() > key(best.words()).size()
                        || (longer.size() == key(best.words()).size() && frequency.get(other.text()) > frequency.get(best.text()))) {
                    best = other;
                }
            }
            canonical.add(best == null ? m.text() : best.text());
        }
        return canonical;
    }

    private static List<String> key(List<String> words) {
        List<String> key = new ArrayList<>();
        words.forEach(w -> key.add(w.toLowerCase(Locale.ROOT)));
        if (key.size() > 1 && key.get(0).equals("the")) {
            key.remove(0);
        }
        return key;
    }
}
