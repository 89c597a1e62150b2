package dev.corpusstats.nlp.entities;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EntityKeysTest {

    @Test
    void spellingVariantsShareAKey() {
        assertEquals("us", EntityKeys.normalize("U.S."));
        assertEquals("us", EntityKeys.normalize("US"));
        assertEquals("taliban", EntityKeys.normalize("the Taliban"));
        assertEquals("al qaeda", EntityKeys.normalize("al-Qaeda"));
        assertEquals("al qaeda", EntityKeys.normalize("Al Qaeda"));
        assertEquals("sao paulo", EntityKeys.normalize("São Paulo"));
        assertEquals("macdonalds", EntityKeys.normalize("MacDonald\u2019s"));
        assertEquals("the", EntityKeys.normalize("The"), "a lone 'the' stays");
    }

    @Test
    void aliasesMergeKnownEquivalents() {
        EntityKeys keys = EntityKeys.fromAliasLines(List.of("# comment", "", "United States\tU.S.", "Britain\tUK"), "test");
        assertEquals("LOC:us", keys.entityId("LOC", "the United States"));
        assertEquals("LOC:us", keys.entityId("LOC", "US"));
        assertEquals("LOC:uk", keys.entityId("LOC", "Britain"));
        assertEquals("ORG:us", keys.entityId("ORG", "U.S."), "the type is part of the id");
        assertThrows(IllegalArgumentException.class, () -> EntityKeys.fromAliasLines(List.of("no tab here"), "test"));
    }

    @Test
    void precomposedAndDecomposedNamesShareAKey() {
        assertEquals("zoe", EntityKeys.normalize("Zo\u00EB"));
        assertEquals("zoe", EntityKeys.normalize("Zoe\u0308"));
        EntityKeys keys = EntityKeys.withoutAliases();
        assertEquals(keys.entityId("PER", "Zo\u00EB Kravitz"), keys.entityId("PER", "Zoe\u0308 Kravitz"));
    }

    @Test
    void formatCharactersInANameAreDropped() {
        assertEquals("hamid karzai", EntityKeys.normalize("Hamid Kar\u00ADzai"));
        assertEquals("hamid karzai", EntityKeys.normalize("\u2066Hamid\u2069 \u202AKarzai\u202C"));
        assertEquals("hamid karzai", EntityKeys.normalize("\uFEFFHa\u200Dmid\u200E Kar\u2060zai"));
        assertEquals("us", EntityKeys.normalize("U.\u00ADS."));
        assertEquals("hamid karzai", EntityKeys.normalize("Hamid\u200BKarzai"), "a zero-width space separates words");
        assertEquals("", EntityKeys.normalize("\u00AD\u200D"));
    }
}
