package dev.corpusstats.nlp.text;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Krovetz's dictionary stemmer (KStem) as implemented in Apache Lucene: it maps inflected forms to
 * a dictionary word ({@code talks → talk}, {@code efforts → effort}, {@code negotiations → negotiation})
 * and leaves words it does not know, such as names, alone ({@code taliban}, {@code karzai}).
 *
 * <p>Lucene exposes KStem only as a token filter, so this class drives a one-token stream and
 * memoizes results: word frequencies are Zipfian, so nearly every lookup after the first few
 * thousand hits the cache. Not thread-safe: one instance per task or thread.
 */
public final class KStemmer {
    private static final int MAX_CACHE = 200_000;

    private final Tokenizer source = new KeywordTokenizer();
    private final TokenStream stream = new KStemFilter(source);
    private final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    private final Map<String, String> cache = new HashMap<>();

    /** The stem of a lower-cased word. */
    public String stem(String lowerCaseWord) {
        String cached = cache.get(lowerCaseWord);
        if (cached != null) {
            return cached;
        }
        String stem = computeStem(lowerCaseWord);
        if (cache.size() >= MAX_CACHE) {
            cache.clear();
        }
        cache.put(lowerCaseWord, stem);
        return stem;
    }

    private String computeStem(String word) {
        try {
            source.setReader(new StringReader(word));
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            stream.close();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("KStem failed on a string reader", e);
        }
    }
}
