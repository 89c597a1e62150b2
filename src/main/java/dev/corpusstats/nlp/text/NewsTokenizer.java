package dev.corpusstats.nlp.text;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.io.StringReader;
import java.util.ArrayList;
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
 *       NER cost and memory grow with its length.</li>
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
        List<CoreLabel> labels = factory.getTokenizer(new StringReader(text)).tokenize();
        List<List<CoreLabel>> groups = sentenceSplitter.process(labels);
        List<Sentence> sentences = new ArrayList<>(groups.size());
        for (List<CoreLabel> group : groups) {
            List<Token> tokens = new ArrayList<>(group.size());
            for (CoreLabel label : group) {
                int begin = label.beginPosition();
                int end = label.endPosition();
                // The token's own text, not CoreNLP's normalized word (which may differ, e.g. for
                // untokenizable or normalized characters): offsets and text must always agree.
                tokens.add(new Token(text.substring(begin, end), begin, end));
            }
            for (int from = 0; from < tokens.size(); from += MAX_SENTENCE_TOKENS) {
                int to = Math.min(tokens.size(), from + MAX_SENTENCE_TOKENS);
                sentences.add(new Sentence(sentences.size(), List.copyOf(tokens.subList(from, to))));
            }
        }
        return sentences;
    }
}
