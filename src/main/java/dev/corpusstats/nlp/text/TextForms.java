package dev.corpusstats.nlp.text;

import java.text.Normalizer;

/**
 * The form of a word or name that statistics count: Unicode NFC, without format characters
 * ({@link TextChecks#isFormat}). Precomposed {@code é} and {@code e} + combining acute are one
 * term, and a soft hyphen, zero-width joiner, bidirectional mark or byte order mark inside a word
 * leaves no trace in it. A zero-width space, a word boundary in Unicode, becomes a space between
 * two words, as the tokenizer treats it. The document text itself is never changed: offsets index
 * the original.
 *
 * <p>NFC, not NFKC: NFC only merges encodings of the same characters, while NFKC also rewrites
 * characters that differ in meaning or look ({@code ²} → {@code 2}, {@code ½} → {@code 1⁄2},
 * {@code ™} → {@code TM}, {@code ´} → a space and an accent), so ligatures and full-width letters
 * stay their own terms; they are rare in news text, and entity keys, which fold further, do merge them.
 */
public final class TextForms {
    /** The one format character that separates words rather than vanishing. */
    static final int ZERO_WIDTH_SPACE = 0x200B;

    private TextForms() {
    }

    /**
     * {@code text} in NFC without its format characters (a zero-width space between two words a
     * space); {@code text} itself when it already is.
     */
    public static String normalize(String text) {
        if (isPlain(text)) {
            return text;
        }
        String visible = withoutFormatCharacters(text);
        return Normalizer.isNormalized(visible, Normalizer.Form.NFC) ? visible
                : Normalizer.normalize(visible, Normalizer.Form.NFC);
    }

    /** True when {@code text} has no format character. */
    static boolean hasNoFormatCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (TextChecks.isFormat(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String withoutFormatCharacters(String text) {
        if (hasNoFormatCharacter(text)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length());
        boolean wordBreak = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ZERO_WIDTH_SPACE) {
                wordBreak = true;
            } else if (!TextChecks.isFormat(cp)) {
                // A space only between two words: none at an edge or beside white space.
                if (wordBreak && !visible.isEmpty() && !TextChecks.isWhiteSpace(visible.codePointBefore(visible.length()))
                        && !TextChecks.isWhiteSpace(cp)) {
                    visible.append(' ');
                }
                wordBreak = false;
                visible.appendCodePoint(cp);
            }
        }
        return visible.toString();
    }

    /**
     * Below U+0300 every character is NFC and none composes with the one before (combining marks
     * start there); the soft hyphen is the only format character in that range.
     */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x300 || c == 0xAD) {
                return false;
            }
        }
        return true;
    }
}
