package dev.corpusstats.nlp.text;

/**
 * Character classes the job judges text by, in Unicode's terms rather than Java's
 * ({@link String#isBlank} ignores no-break spaces, {@code U+0085} and invisible format characters).
 */
public final class TextChecks {
    private TextChecks() {
    }

    /**
     * True when {@code text} is null, empty, or holds only white space ({@link #isWhiteSpace}) and
     * format characters ({@link #isFormat}): nothing a reader would see as content, such as
     * no-break spaces, zero-width spaces and byte order marks.
     */
    public static boolean isBlank(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (!isWhiteSpace(cp) && !isFormat(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /**
     * Unicode White_Space: Java's whitespace plus the no-break spaces ({@code U+00A0},
     * {@code U+2007}, {@code U+202F}) and next line ({@code U+0085}). Java also counts the
     * information separators {@code U+001C..U+001F}, which are kept: they never carry content.
     */
    public static boolean isWhiteSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    /**
     * An invisible format character, general category Cf: soft hyphen, zero-width space, joiners
     * and word joiner, bidirectional marks, embeddings and isolates, byte order mark, tag characters.
     */
    public static boolean isFormat(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }
}
