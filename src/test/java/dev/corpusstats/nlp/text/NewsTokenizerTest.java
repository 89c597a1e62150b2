package dev.corpusstats.nlp.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NewsTokenizerTest {
    private final NewsTokenizer tokenizer = new NewsTokenizer();

    private List<String> words(String text) {
        return tokens(text).stream().map(Token::word).toList();
    }

    private List<String> forms(String text) {
        return tokens(text).stream().map(Token::form).toList();
    }

    private List<Token> tokens(String text) {
        return tokenizer.split(text).stream().flatMap(s -> s.tokens().stream()).toList();
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

    @Test
    void softHyphensAndJoinersDoNotSplitAWord() {
        assertEquals(List.of("co\u00ADoperation", "is", "co\u00ADop\u00ADer\u00ADa\u00ADtion"),
                words("co\u00ADoperation is co\u00ADop\u00ADer\u00ADa\u00ADtion"));
        assertEquals(List.of("cooperation", "is", "cooperation"), forms("co\u00ADoperation is co\u00ADop\u00ADer\u00ADa\u00ADtion"));
        assertEquals(List.of("ab", "ab", "ab"), forms("a\u200Cb a\u200Db a\u2060b"));
        assertEquals(List.of("at", "Sandringham", "."), forms("at Sandrin\uFEFFgham."), "a byte order mark inside a word");
        assertEquals(List.of("flag", "x"), forms("fl\uDB40\uDC01ag x"), "a supplementary format character");
    }

    @Test
    void bidirectionalControlsAreInvisible() {
        assertEquals(List.of("Kabul", "said", "Kabul", "."), forms("\u202AKabul\u202C said \u2066Ka\u200Ebul\u2069."));
        assertEquals(List.of("Kabul", "said", "Ka\u200Ebul", "."), words("\u202AKabul\u202C said \u2066Ka\u200Ebul\u2069."));
        assertEquals(List.of("x", "y"), words("x \u200E\u200F y"));
    }

    /** A format character beside punctuation: the text tokenizes as if it were not there. */
    @Test
    void formatCharactersDoNotGlueOrSplitPunctuation() {
        assertEquals(List.of("He", "said", ".", "Then", "he", "left", "."), forms("He said.\u00AD Then he left.\u202C"));
        assertEquals(2, tokenizer.split("He said.\u00AD Then he left.").size());
        assertEquals(List.of("do", "n't", "go"), forms("don\u00AD't go"));
        assertEquals(List.of("Karzai", "'s"), forms("Karzai\u2060's"));
    }

    /** Unicode's word boundary: a zero-width space separates tokens as a space would. */
    @Test
    void aZeroWidthSpaceSeparatesTokens() {
        assertEquals(List.of("two", "words"), words("two\u200Bwords"));
        assertEquals(List.of("There", "are"), words("\u200B\u200BThere \u200Bare"));
    }

    @Test
    void formatCharactersAloneMakeNoToken() {
        assertEquals(List.of("z"), words("\u00AD \u200B\u200D \uFEFF\u2060 z \u202C"));
        assertEquals(List.of(), tokenizer.split("\uFEFF\u00AD\u200D\u200B\u2066\u2069"));
    }

    @Test
    void offsetsSliceTheOriginalTextWithFormatCharactersAndDecomposedAccents() {
        String text = "\uFEFF\u2066Zoe\u0308\u2069 met the caf\u00E9\u00AD owner at cafe\u0301 \u202BKa\u00ADbul\u202C.\u200E\n\n"
                + "Co\u00ADop\u00ADer\u00ADa\u00ADtion \uD83D\uDE00 wo\u200Drks\u200B fine, Sandrin\uFEFFgham said.\u00AD \u00AD";
        List<Token> tokens = tokens(text);
        assertEquals(List.of("Zo\u00EB", "met", "the", "caf\u00E9", "owner", "at", "caf\u00E9", "Kabul", ".",
                "Cooperation", "\uD83D\uDE00", "works", "fine", ",", "Sandringham", "said", "."), tokens.stream().map(Token::form).toList());
        for (Token t : tokens) {
            assertEquals(t.word(), text.substring(t.begin(), t.end()));
            assertEquals(TextForms.normalize(t.word()), t.form());
            assertFalse(TextChecks.isFormat(t.word().codePointAt(0)), t.word());
            assertFalse(TextChecks.isFormat(t.word().codePointBefore(t.word().length())), t.word());
        }
        assertEquals("Zoe\u0308", tokens.get(0).word(), "the text as written, decomposed");
        assertEquals("Ka\u00ADbul", tokens.get(7).word());
    }
}
