package dev.corpusstats.nlp.entities;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocEntityTest {
    private static EntityMention m(int sentence, int begin, String canonical, String id) {
        return new EntityMention(sentence, begin, begin + 3, canonical, id.substring(0, 3), canonical, id);
    }

    @Test
    void countsAndSalienceByTheDocumentedFormula() {
        List<DocEntity> entities = DocEntity.of(List.of(
                m(0, 10, "Hamid Karzai", "PER:hamid karzai"), m(1, 40, "Kabul", "LOC:kabul"),
                m(2, 70, "Hamid Karzai", "PER:hamid karzai"), m(3, 90, "Hamid Karzai", "PER:hamid karzai")));
        assertEquals(2, entities.size());
        DocEntity karzai = entities.get(0);
        DocEntity kabul = entities.get(1);
        assertEquals(3, karzai.mentions());
        assertEquals(10, karzai.firstBegin());
        // w(karzai) = 3 · (1 + 1/1) = 6; w(kabul) = 1 · (1 + 1/2) = 1.5.
        assertEquals(6 / 7.5, karzai.salience(), 1e-12);
        assertEquals(1.5 / 7.5, kabul.salience(), 1e-12);
        assertEquals("Hamid Karzai", karzai.name());
    }
}
