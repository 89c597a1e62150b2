package dev.corpusstats.nlp.text;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a document into sentences of tokens with Stanford CoreNLP's English tokenizer (PTBTokenizer)
 * and sentence splitter (WordToSentenceProcessor), the same two steps as CoreNLP's
 * {@code tokenize,ssplit} annotators, without the pipeline around them.
 *
 * <p>Options, chosen for news text:
 * <ul>
 *   <li>no PTB escaping: parentheses and quotes keep their original characters, so token text
 *       equals the document slice {@code text[begin:end]};</li>
 *   <li>hyphenated words stay whole ({@code Afghan-led}), as in CoNLL-style news tokenization;</li>
 *   <li>two consecutive newlines always end a sentence (CoreNLP's default), so a headline without
 *       a full stop does not run into the first paragraph;</li>
 *   <li>a sentence longer than {@link #MAX_SENTENCE_TOKENS} tokens is cut into pieces of that
 *       length: real news sentences are far shorter (CoNLL-2003's longest has 124 tokens), and a
 *       run-on text without punctuation (a megabyte on one line) must not become one sentence, whose
 *       NER cost and memory grow with its length;</li>
 *   <li>the tokenizer reads the text without its format characters ({@link TextChecks#isFormat}),
 *       which are invisible: a soft hyphen, joiner, bidirectional mark or byte order mark inside a
 *       word does not split it ("co-operation" written with a soft hyphen is one token), and one
 *       beside a word neither sticks to it nor becomes a token. The zero-width space is the
 *       exception: Unicode makes it a word boundary (UAX #29), so it separates tokens as a space
 *       does. Offsets still index the original text, and a token never starts or ends with a
 *       format character.</li>
 * </ul>
 * Instances are cheap and not thread-safe: create one per task or thread.
 */
public final class NewsTokenizer {

    /** Longest sentence, in tokens, before it is cut. */
    public static final int MAX_SENTENCE_TOKENS = 250;

    static final String TOKENIZER_OPTIONS =
            "invertible=false,ptb3Escaping=false,splitHyphenated=false,splitForwardSlash=false,"
                    + "tokenizeNLs=true,untokenizable=noneKeep";

    private final TokenizerFactory<CoreLabel> factory =
            PTBTokenizer.factory(new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
    private final WordToSentenceProcessor<CoreLabel> sentenceSplitter =
            new WordToSentenceProcessor<>(WordToSentenceProcessor.NewlineIsSentenceBreak.TWO_CONSECUTIVE);

    /** Tokenizes and sentence-splits {@code text}; offsets index {@code text}. */
    public List<Sentence> split(String text) {
        VisibleText visible = VisibleText.of(text);
        List<CoreLabel> labels = factory.getTokenizer(new StringReader(visible.text)).tokenize();
        List<List<CoreLabel>> groups = sentenceSplitter.process(labels);
        List<Sentence> sentences = new ArrayList<>(groups.size());
        for (List<CoreLabel> group : groups) {
            List<Token> tokens = new ArrayList<>(group.size());
            for (CoreLabel label : group) {
                int begin = visible.offsetInText(label.beginPosition());
                int end = visible.offsetInText(label.endPosition() - 1) + 1;
                // The token's own text, not CoreNLP's normalized word (which may differ, e.g. for
                // untokenizable or normalized characters): offsets and text must always agree.
                String word = text.substring(begin, end);
                tokens.add(new Token(word, TextForms.normalize(word), begin, end));
            }
            for (int from = 0; from < tokens.size(); from += MAX_SENTENCE_TOKENS) {
                int to = Math.min(tokens.size(), from + MAX_SENTENCE_TOKENS);
                sentences.add(new Sentence(sentences.size(), List.copyOf(tokens.subList(from, to))));
            }
        }
        return sentences;
    }

    /**
     * A text without its format characters, each zero-width space a space, and the way back from
     * its offsets to the original's.
     */
    static final class VisibleText {
        final String text;
        /** Ascending offsets in {@link #text} right after a run of removed characters. */
        private final int[] runEnds;
        /** Characters removed before each of those offsets, in total. */
        private final int[] removedBefore;

        private VisibleText(String text, int[] runEnds, int[] removedBefore) {
            this.text = text;
            this.runEnds = runEnds;
            this.removedBefore = removedBefore;
        }

        static VisibleText of(String original) {
            if (TextForms.hasNoFormatCharacter(original)) {
                return new VisibleText(original, new int[0], new int[0]);
            }
            StringBuilder visible = new StringBuilder(original.length());
            List<int[]> runs = new ArrayList<>();
            int removed = 0;
            int recorded = 0;
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                int length = Character.charCount(cp);
                if (cp != TextForms.ZERO_WIDTH_SPACE && TextChecks.isFormat(cp)) {
                    removed += length;
                } else {
                    if (removed > recorded) {
                        runs.add(new int[] {visible.length(), removed});
                        recorded = removed;
                    }
                    if (cp == TextForms.ZERO_WIDTH_SPACE) {
                        visible.append(' ');
                    } else {
                        visible.appendCodePoint(cp);
                    }
                }
                i += length;
            }
            int[] ends = new int[runs.size()];
            int[] before = new int[runs.size()];
            for (int r = 0; r < runs.size(); r++) {
                ends[r] = runs.get(r)[0];
                before[r] = runs.get(r)[1];
            }
            return new VisibleText(visible.toString(), ends, before);
        }

        /** The offset in the original text of the char at {@code offset} in {@link #text}. */
        int offsetInText(int offset) {
            int run = Arrays.binarySearch(runEnds, offset);
            if (run < 0) {
                run = -run - 2; // the last run that ends before offset
            }
            return run < 0 ? offset : offset + removedBefore[run];
        }
    }
}
