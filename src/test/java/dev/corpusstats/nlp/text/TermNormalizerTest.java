package dev.corpusstats.nlp.text;

import dev.corpusstats.nlp.text.TermNormalizer.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermNormalizerTest {
    private final TermNormalizer normalizer = new TermNormalizer(StopWords.snowballEnglish());

    @Test
    void termsAreLowerCasedKStemForms() {
        assertEquals("taliban", normalizer.term("Taliban"));
        assertEquals("karzai", normalizer.term("Karzai"));
        assertEquals("effort", normalizer.term("efforts"));
        assertEquals("negotiation", normalizer.term("negotiations"));
        assertEquals("government", normalizer.term("GOVERNMENT"));
        assertEquals("militant", normalizer.term("militants"));
        assertEquals("afghan-led", normalizer.term("Afghan-led"));
        assertEquals("u.s.", normalizer.term("U.S."));
    }

    @Test
    void stopWordsClicticsAndTheirInflectionsAreStops() {
        assertEquals(Kind.STOP, normalizer.normalize("The").kind());
        assertEquals(Kind.STOP, normalizer.normalize("don't").kind());
        assertEquals(Kind.STOP, normalizer.normalize("n't").kind());
        assertTrue(normalizer.normalize("'s").clitic());
        assertTrue(normalizer.normalize("\u2019s").clitic());
        assertEquals(Kind.STOP, normalizer.normalize("others").kind(), "stem 'other' is a stop word");
        assertEquals(Kind.STOP, normalizer.normalize("ca", "n\u2019t").kind(), "ca n't is can't");
        assertEquals(Kind.TERM, normalizer.normalize("ca", "said").kind());
    }

    @Test
    void punctuationAndNumbersAreBreaks() {
        for (String word : new String[] {".", ",", "--", "\"", "2001", "9/11", "68", "3.5", "$"}) {
            assertEquals(Kind.BREAK, normalizer.normalize(word).kind(), word);
            assertNull(normalizer.term(word));
        }
        assertEquals("2010s", normalizer.term("2010s"));
    }

    @Test
    void snowballListIsLoaded() {
        StopWords stopWords = StopWords.snowballEnglish();
        assertTrue(stopWords.size() > 150, "Snowball English has ~174 words, got " + stopWords.size());
        assertTrue(stopWords.contains("the") && stopWords.contains("they'd") && !stopWords.contains("taliban"));
    }
}
