package dev.corpusstats.nlp;

import dev.corpusstats.nlp.text.StopWords;
import dev.corpusstats.nlp.text.TermCount;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentAnalyzerTest {
    private final DocumentAnalyzer analyzer = new DocumentAnalyzer(StopWords.snowballEnglish(), 2);

    private Map<String, Integer> terms(String text) {
        return analyzer.analyze(text).terms().stream().collect(Collectors.toMap(TermCount::term, TermCount::count));
    }

    @Test
    void termsAreCountedInTheirNormalizedForm() {
        Map<String, Integer> terms = terms("Caf\u00E9 owners like the cafe\u0301. Co\u00ADoperation helps cooperation. "
                + "\u202AKabul\u202C talks and efforts in \u2066Ka\u200Ebul\u2069 talks.\uFEFF \u00AD \u200D");
        assertEquals(Map.ofEntries(Map.entry("caf\u00E9", 2), Map.entry("owner", 1), Map.entry("like", 1),
                Map.entry("caf\u00E9 owner", 1), Map.entry("owner like", 1),
                Map.entry("cooperation", 2), Map.entry("help", 1), Map.entry("cooperation help", 1), Map.entry("help cooperation", 1),
                Map.entry("kabul", 2), Map.entry("talks", 2), Map.entry("effort", 1), Map.entry("kabul talks", 2)), terms);
    }

    @Test
    void aTextOfFormatCharactersAloneHasNoToken() {
        DocumentAnalysis a = analyzer.analyze("\uFEFF\u00AD\u200B\u200D\u2066\u2069");
        assertEquals(0, a.tokenCount());
        assertEquals(0, a.terms().size());
    }
}
