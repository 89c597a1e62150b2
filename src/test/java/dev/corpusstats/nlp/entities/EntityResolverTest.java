package dev.corpusstats.nlp.entities;

import dev.corpusstats.nlp.entities.EntityResolver.Candidate;
import org.junit.jupiter.api.Test;

import java.util.List;

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
}
