package dev.corpusstats.nlp.text;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A stop word list: by default the Snowball project's English list (174 words, as shipped in
 * Apache Lucene's {@code lucene-analysis-common}), or a user's file in the same format (one word
 * per line, {@code |} starts a comment). Words are compared lower-cased with a straight apostrophe,
 * in their {@link TextForms#normalize} form.
 */
public final class StopWords implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String SNOWBALL_ENGLISH = "/org/apache/lucene/analysis/snowball/english_stop.txt";

    private final Set<String> words;

    private StopWords(Set<String> words) {
        this.words = Collections.unmodifiableSet(words);
    }

    /** The Snowball English list. */
    public static StopWords snowballEnglish() {
        try (InputStream in = StopWords.class.getResourceAsStream(SNOWBALL_ENGLISH)) {
            if (in == null) {
                throw new IllegalStateException("Snowball stop word list missing from the classpath: " + SNOWBALL_ENGLISH);
            }
            return fromReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list read from a UTF-8 file in Snowball format. */
    public static StopWords fromFile(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromReader(reader);
        }
    }

    private static StopWords fromReader(Reader reader) throws IOException {
        CharArraySet loaded = WordlistLoader.getSnowballWordSet(reader);
        Set<String> words = new HashSet<>();
        for (Object word : loaded) {
            words.add(normalize(TextForms.normalize(new String((char[]) word))));
        }
        return new StopWords(words);
    }

    static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** True if the lower-cased word is on the list. */
    public boolean contains(String lowerCaseWord) {
        return words.contains(lowerCaseWord);
    }

    public int size() {
        return words.size();
    }
}
