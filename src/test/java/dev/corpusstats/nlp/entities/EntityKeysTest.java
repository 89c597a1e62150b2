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
}
