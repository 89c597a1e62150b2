package dev.corpusstats.nlp;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.entities.DocEntity;
import dev.corpusstats.nlp.entities.EntityKeys;
import dev.corpusstats.nlp.entities.EntityMention;
import dev.corpusstats.nlp.entities.EntitySettings;
import dev.corpusstats.nlp.text.StopWords;
import dev.corpusstats.testing.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job's recognizer, with its real CoreNLP models, on the seed article. */
class SeedEntitiesTest {
    private static String text;
    private static DocumentAnalysis analysis;

    @BeforeAll
    static void analyzeSeed() {
        text = TestFiles.seedText();
        EntitySettings settings = new EntitySettings(JobConfig.Entities.CONLL_4CLASS, JobConfig.Entities.ALL_3CLASS, null, true,
                EntityKeys.fromAliasLines(List.of("United States\tU.S."), "test"));
        analysis = new DocumentAnalyzer(StopWords.snowballEnglish(), 3, settings).analyze(text);
    }

    private static Map<String, DocEntity> entities() {
        return analysis.entities().stream().collect(Collectors.toMap(DocEntity::entityId, e -> e));
    }

    @Test
    void theSeedsPeoplePlacesAndOrganisations() {
        Map<String, DocEntity> e = entities();
        for (String id : List.of("PER:hamid karzai", "ORG:taliban", "LOC:kabul", "LOC:pakistan", "LOC:afghanistan", "ORG:cnn",
                "PER:nasir habib", "PER:zabiuhullah mujahed")) {
            assertTrue(e.containsKey(id), id + " not in " + e.keySet());
        }
        assertEquals("Hamid Karzai", e.get("PER:hamid karzai").name());
        Set<String> karzaiTexts = analysis.mentions().stream().filter(m -> m.entityId().equals("PER:hamid karzai"))
                .map(EntityMention::text).collect(Collectors.toSet());
        assertEquals(Set.of("Hamid Karzai", "Karzai"), karzaiTexts, "every Karzai mention merged into Hamid Karzai");
        assertEquals(5, e.get("PER:hamid karzai").mentions());
        assertEquals(1.0, analysis.entities().stream().mapToDouble(DocEntity::salience).sum(), 1e-9);
    }

    @Test
    void karzaiAndTheTalibanShareSentences() {
        Set<Integer> karzai = sentencesOf("PER:hamid karzai");
        karzai.retainAll(sentencesOf("ORG:taliban"));
        assertTrue(karzai.size() >= 2, "shared sentences: " + karzai);
    }

    @Test
    void offsetsSliceTheTextInCodePoints() {
        for (EntityMention m : analysis.mentions()) {
            int begin = text.offsetByCodePoints(0, m.begin());
            int end = text.offsetByCodePoints(0, m.end());
            assertEquals(m.text(), text.substring(begin, end));
        }
        String emoji = "\uD83D\uDE00 Barack Obama visited Kabul.";
        DocumentAnalysis a = new DocumentAnalyzer(StopWords.snowballEnglish(), 1,
                new EntitySettings(JobConfig.Entities.CONLL_4CLASS, JobConfig.Entities.ALL_3CLASS, null, true, EntityKeys.withoutAliases())).analyze(emoji);
        EntityMention obama = a.mentions().get(0);
        assertEquals("Barack Obama", obama.text());
        assertEquals(2, obama.begin(), "the emoji is one code point, two Java chars");
        assertEquals(14, obama.end());
    }

    private static Set<Integer> sentencesOf(String entityId) {
        return analysis.mentions().stream().filter(m -> m.entityId().equals(entityId)).map(EntityMention::sentence)
                .collect(Collectors.toSet());
    }
}
