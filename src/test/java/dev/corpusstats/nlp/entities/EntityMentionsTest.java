package dev.corpusstats.nlp.entities;

import dev.corpusstats.nlp.text.NewsTokenizer;
import dev.corpusstats.nlp.text.Sentence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityMentionsTest {
    /** Labels known names, spelled exactly so: it only finds them if it reads the tokens' normalized forms. */
    private static final EntityRecognizer KNOWN_NAMES = new EntityRecognizer() {
        private final Map<String, String> names = Map.of("Zo\u00EB", "PER", "Kravitz", "PER", "Hamid", "PER",
                "Karzai", "PER", "Kabul", "LOC", "Keir", "PER", "Starmer", "PER");

        @Override
        public List<List<String>> label(List<List<String>> sentences) {
            List<List<String>> labels = new ArrayList<>();
            for (List<String> words : sentences) {
                labels.add(words.stream().map(w -> names.getOrDefault(w, OUTSIDE)).toList());
            }
            return labels;
        }

        @Override
        public String describe() {
            return "known names";
        }
    };

    @Test
    void mentionsKeepTheTextAsWrittenAndResolveItsNormalizedForm() {
        String text = "\uD83D\uDE00 \u2066Zoe\u0308 Kravitz\u2069 met Hamid Kar\u00ADzai in \u202BKabul\u202C.\n\n"
                + "Later Zo\u00EB Kravitz and \uFEFFKarzai\u200E left \uD83D\uDE00 Ka\u2060bul. Keir \u200BStarmer stayed.";
        List<Sentence> sentences = new NewsTokenizer().split(text);
        List<EntityMention> mentions = EntityMentions.find(text, sentences, new EntityRecognition(KNOWN_NAMES, false),
                EntityKeys.withoutAliases());

        assertEquals(List.of("Zoe\u0308 Kravitz", "Hamid Kar\u00ADzai", "Kabul", "Zo\u00EB Kravitz", "Karzai", "Ka\u2060bul",
                        "Keir \u200BStarmer"),
                mentions.stream().map(EntityMention::text).toList());
        for (EntityMention m : mentions) {
            int begin = text.offsetByCodePoints(0, m.begin());
            int end = text.offsetByCodePoints(begin, m.end() - m.begin());
            assertEquals(m.text(), text.substring(begin, end), "code-point offsets slice the original text");
        }
        assertEquals(List.of("Zo\u00EB Kravitz", "Hamid Karzai", "Kabul", "Zo\u00EB Kravitz", "Hamid Karzai", "Kabul",
                        "Keir Starmer"),
                mentions.stream().map(EntityMention::canonical).toList());
        assertEquals(List.of("PER:zoe kravitz", "PER:hamid karzai", "LOC:kabul", "PER:zoe kravitz", "PER:hamid karzai", "LOC:kabul",
                        "PER:keir starmer"),
                mentions.stream().map(EntityMention::entityId).toList());
        assertEquals(2, DocEntity.of(mentions).stream().filter(e -> e.name().equals("Zo\u00EB Kravitz")).findFirst().orElseThrow().mentions());
    }
}
