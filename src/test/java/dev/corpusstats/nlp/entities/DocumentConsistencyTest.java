package dev.corpusstats.nlp.entities;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentConsistencyTest {

    private static List<String> words(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void personPartsTypeVoteAndPropagation() {
        List<List<String>> sentences = List.of(
                words("Hamid Karzai met Pakistan officials"),
                words("Karzai said Pakistan agreed"),
                words("Later Karzai and Pakistan spoke to Pakistan"),
                words("Karzai Foundation donors met"));
        List<List<EntitySpan>> spans = new ArrayList<>(List.of(
                List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC")),
                List.of(new EntitySpan(0, 1, "ORG"), new EntitySpan(2, 3, "LOC")),
                List.of(new EntitySpan(3, 4, "ORG")),
                List.of(new EntitySpan(0, 2, "ORG"))));
        List<List<EntitySpan>> out = DocumentConsistency.apply(sentences, spans);
        assertEquals(List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC")), out.get(0));
        assertEquals(List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(2, 3, "LOC")), out.get(1), "a surname is a person");
        assertEquals(List.of(new EntitySpan(1, 2, "PER"), new EntitySpan(3, 4, "LOC"), new EntitySpan(6, 7, "LOC")), out.get(2),
                "missed mentions found; the minority type of Pakistan outvoted");
        assertEquals(List.of(new EntitySpan(0, 2, "ORG")), out.get(3), "inside another entity nothing changes");
    }

    @Test
    void misclassifiedMiscRunsTakeTheOtherModelsTypeOnlyOnExactlyTheSameTokens() {
        List<String> types = new ArrayList<>(List.of("MISC", "O", "MISC", "MISC", "O", "MISC"));
        MiscRetyper.retypeMisc(types, List.of("ORG", "O", "LOC", "O", "O", "PER"));
        assertEquals(List.of("ORG", "O", "MISC", "MISC", "O", "PER"), types);
    }
}
