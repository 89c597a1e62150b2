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

    @Test
    void precomposedAndDecomposedSpellingsAreOneTerm() {
        assertEquals("caf\u00E9", normalizer.term("caf\u00E9"));
        assertEquals("caf\u00E9", normalizer.term("cafe\u0301"));
        assertEquals(normalizer.term("Zo\u00EB"), normalizer.term("Zoe\u0308"));
    }

    @Test
    void formatCharactersInsideAWordAreDropped() {
        assertEquals("cooperation", normalizer.term("co\u00ADoperation"));
        assertEquals("negotiation", normalizer.term("nego\u00ADti\u00ADa\u00ADtions"), "stemmed after the soft hyphens are gone");
        assertEquals("karzai", normalizer.term("Kar\u200Dzai"));
        assertEquals("karzai", normalizer.term("\u2066Karzai\u2069"));
        assertEquals("karzai", normalizer.term("\u200FKar\u2060zai\u200E"));
        assertEquals("sandringham", normalizer.term("\uFEFFSandrin\uFEFFgham"));
        assertEquals(Kind.STOP, normalizer.normalize("th\u00ADe").kind(), "still a stop word");
        assertEquals(Kind.STOP, normalizer.normalize("ca", "n\u00AD't").kind());
    }

    @Test
    void aWordOfFormatCharactersAloneIsNoTerm() {
        for (String word : new String[] {"\u00AD", "\u200B\u200C\u200D", "\uFEFF", "\u202A\u202C", "\u2066\u2069", "\u200E"}) {
            assertEquals(Kind.BREAK, normalizer.normalize(word).kind(), TextChecksTest.escaped(word));
            assertNull(normalizer.term(word));
        }
    }
}
