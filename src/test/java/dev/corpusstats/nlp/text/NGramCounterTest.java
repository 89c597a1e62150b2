package dev.corpusstats.nlp.text;

import dev.corpusstats.nlp.DocumentAnalysis;
import dev.corpusstats.nlp.DocumentAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NGramCounterTest {
    private final DocumentAnalyzer analyzer = new DocumentAnalyzer(StopWords.snowballEnglish(), 3);

    private Map<String, Integer> counts(String text, int n) {
        return analyzer.analyze(text).terms().stream().filter(t -> t.n() == n)
                .collect(Collectors.toMap(TermCount::term, TermCount::count));
    }

    @Test
    void ngramsStayInsideSentencesAndBetweenPunctuation() {
        String text = "Peace council met. Council members, elders talked.";
        assertEquals(Map.of("peace council", 1, "council met", 1, "council member", 1, "elder talk", 1), counts(text, 2));
        assertEquals(Map.of("peace council met", 1), counts(text, 3));
    }

    @Test
    void ngramsNeitherStartNorEndWithAStopWordButMayHoldOne() {
        String text = "The Bank of America said the bank of a town failed.";
        assertEquals(Map.of("bank of america", 1, "said the bank", 1), counts(text, 3));
        assertEquals(Map.of("america said", 1, "town fail", 1), counts(text, 2));
    }

    @Test
    void cliticsGlueToTheWordBefore() {
        assertEquals(Map.of("karzai's effort", 1), counts("Karzai's efforts.", 3));
    }

    @Test
    void unigramCountsAreTheDocumentsTerms() {
        DocumentAnalysis a = analyzer.analyze("Taliban talks. The Taliban said no, 68 times.");
        assertEquals(Map.of("taliban", 2, "talks", 1, "said", 1, "times", 1), counts("Taliban talks. The Taliban said no, 68 times.", 1));
        assertEquals(5, a.termCount());
        assertEquals(4, a.distinctTermCount());
        assertEquals(2, a.sentenceCount());
        assertEquals(11, a.tokenCount());
    }

    @Test
    void tfIsTheCountOverTheDocumentsNGramsOfTheSameN() {
        List<TermCount> terms = analyzer.analyze("Taliban talks. The Taliban said no, 68 times.").terms();
        Map<String, Double> tf = terms.stream().collect(Collectors.toMap(t -> t.n() + ":" + t.term(), TermCount::tf));
        assertEquals(2.0 / 5, tf.get("1:taliban"));
        assertEquals(1.0 / 5, tf.get("1:times"));
        assertEquals(1.0 / 2, tf.get("2:taliban said")); // bigrams: "taliban talks", "taliban said"
        for (int n = 1; n <= 2; n++) {
            final int len = n;
            assertEquals(1.0, terms.stream().filter(t -> t.n() == len).mapToDouble(TermCount::tf).sum(), 1e-12);
        }
    }

    @Test
    void maxNLimitsLength() {
        DocumentAnalyzer unigrams = new DocumentAnalyzer(StopWords.snowballEnglish(), 1);
        List<TermCount> terms = unigrams.analyze("Peace council met.").terms();
        assertEquals(3, terms.size());
    }
}
