package dev.corpusstats.nlp.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NewsTokenizerTest {
    private final NewsTokenizer tokenizer = new NewsTokenizer();

    private List<String> words(String text) {
        return tokenizer.split(text).stream().flatMap(s -> s.tokens().stream()).map(Token::word).toList();
    }

    @Test
    void newsTextTokens() {
        assertEquals(List.of("(", "CNN", ")", "--", "Afghan", "President", "Hamid", "Karzai", "'s", "aides", "do", "n't",
                        "want", "\"", "Afghan-led", "\"", "talks", "in", "the", "U.S."),
                words("(CNN) -- Afghan President Hamid Karzai's aides don't want \"Afghan-led\" talks in the U.S."));
    }

    /** As in the Penn Treebank, "can't" is "ca" + "n't"; the term normalizer knows "ca" is no term. */
    @Test
    void curlyQuotesAndApostrophesKeepTheirCharacters() {
        assertEquals(List.of("\u201C", "We", "ca", "n\u2019t", "\u201D", ",", "he", "said", "."),
                words("\u201CWe can\u2019t\u201D, he said."));
    }

    @Test
    void offsetsSliceTheText() {
        String text = "Dr. Smith met Mr. Jones in Kabul on Sept. 11.\n\nThey \u201Ctalked\u201D — briefly. 😀 Done.";
        for (Sentence s : tokenizer.split(text)) {
            for (Token t : s.tokens()) {
                assertEquals(t.word(), text.substring(t.begin(), t.end()));
            }
        }
    }

    @Test
    void sentencesSplitAtFullStopsNotAbbreviations() {
        List<Sentence> sentences = tokenizer.split("Dr. Smith met Mr. Jones in the U.S. on Monday. They talked. Really?");
        assertEquals(3, sentences.size());
        assertEquals(0, sentences.get(0).index());
        assertEquals("Really", sentences.get(2).tokens().get(0).word());
    }

    @Test
    void aBlankLineEndsASentenceEvenWithoutPunctuation() {
        List<Sentence> sentences = tokenizer.split("Headline without a stop\n\nFirst paragraph starts here.");
        assertEquals(2, sentences.size());
    }

    @Test
    void aRunOnTextIsCutIntoBoundedSentences() {
        String runOn = "word ".repeat(NewsTokenizer.MAX_SENTENCE_TOKENS * 2 + 10);
        List<Sentence> sentences = tokenizer.split(runOn);
        assertEquals(3, sentences.size());
        assertEquals(NewsTokenizer.MAX_SENTENCE_TOKENS, sentences.get(0).tokens().size());
        assertEquals(10, sentences.get(2).tokens().size());
        assertEquals(2, sentences.get(2).index());
    }
}
