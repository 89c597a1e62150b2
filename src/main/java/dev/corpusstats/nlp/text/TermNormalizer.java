package dev.corpusstats.nlp.text;

/**
 * Turns a token into what term statistics see: a term (lower-cased KStem form), a stop word, or a
 * break (punctuation, numbers and anything else without a letter, which n-grams never span).
 *
 * <p>English clitics split off by the tokenizer ({@code 's}, {@code n't}, {@code 're}) are stop
 * words: they carry no topic. A word is a stop word if its lower-cased form or its stem is on the
 * list, so {@code others → other} is dropped like {@code other}. Words are read in their
 * {@link TextForms#normalize} form (NFC, no format characters), so differently encoded spellings
 * of a word are one term and a word of format characters alone is a break. Not thread-safe (the
 * stemmer caches).
 */
public final class TermNormalizer {

    /** What a token is for term statistics. */
    public enum Kind { TERM, STOP, BREAK }

    /**
     * A normalized token.
     *
     * @param kind what it is
     * @param form the term (KStem form) for {@code TERM}, the lower-cased word for {@code STOP},
     *             {@code null} for {@code BREAK}
     * @param clitic true for a clitic such as {@code 's}, which n-gram text glues to the word before
     */
    public record Normalized(Kind kind, String form, boolean clitic) {
        static final Normalized BREAK = new Normalized(Kind.BREAK, null, false);
    }

    private final StopWords stopWords;
    private final KStemmer stemmer = new KStemmer();

    public TermNormalizer(StopWords stopWords) {
        this.stopWords = stopWords;
    }

    public Normalized normalize(String word) {
        return normalize(word, null);
    }

    /**
     * @param next the following token in the sentence, or null: before {@code n't} a word is part of a
     *             negated auxiliary ({@code ca n't}, {@code wo n't}) and never a term
     */
    public Normalized normalize(String word, String next) {
        String form = TextForms.normalize(word);
        if (!hasLetter(form)) {
            return Normalized.BREAK;
        }
        String lower = StopWords.normalize(form);
        if (isClitic(lower)) {
            return new Normalized(Kind.STOP, lower, true);
        }
        if (stopWords.contains(lower) || (next != null && StopWords.normalize(TextForms.normalize(next)).equals("n't"))) {
            return new Normalized(Kind.STOP, lower, false);
        }
        String stem = stemmer.stem(lower);
        if (stopWords.contains(stem)) {
            return new Normalized(Kind.STOP, lower, false);
        }
        return new Normalized(Kind.TERM, stem, false);
    }

    /** The term for a single word, or null if it is a stop word or has no letter. */
    public String term(String word) {
        Normalized n = normalize(word);
        return n.kind() == Kind.TERM ? n.form() : null;
    }

    static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isClitic(String lower) {
        return (lower.length() <= 4 && lower.startsWith("'") && lower.length() > 1) || lower.equals("n't");
    }
}
