package dev.corpusstats.nlp.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextChecksTest {

    @Test
    void whiteSpaceAndFormatCharactersAloneAreBlank() {
        String[] blank = {"", " ", "\t\r\n", "\u00A0", "\u2007", "\u202F", "\u3000", "\u0085", "\u2028",
                "\u200B", "\u200C\u200D\u2060", "\u00AD", "\uFEFF", "\u200E\u200F\u202A\u202E\u2066\u2069",
                "\uDB40\uDC01", " \u00A0\uFEFF\u200B\n "};
        for (String text : blank) {
            assertTrue(TextChecks.isBlank(text), escaped(text));
        }
        assertTrue(TextChecks.isBlank(null));
        assertTrue(TextChecks.isBlank(new StringBuilder("\u00A0\u200B")), "any char sequence");
    }

    @Test
    void anyOtherCharacterIsContent() {
        String[] content = {"a", " a ", "\u00A0x", ".", "0", "\u0301", "\uD835\uDC00", "\u00ADco\u00ADop", "\uFEFF\u200Bz"};
        for (String text : content) {
            assertFalse(TextChecks.isBlank(text), escaped(text));
        }
    }

    @Test
    void javasBlankMissesWhatUnicodeCountsAsNothing() {
        assertFalse("\u00A0\u200B\uFEFF".isBlank());
        assertTrue(TextChecks.isBlank("\u00A0\u200B\uFEFF"));
    }

    @Test
    void formatCharactersAreCategoryCf() {
        for (int cp : new int[] {0xAD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF, 0xE0001}) {
            assertTrue(TextChecks.isFormat(cp), Integer.toHexString(cp));
        }
        for (int cp : new int[] {' ', 0xA0, 'a', 0x301, '-', 0x2011}) {
            assertFalse(TextChecks.isFormat(cp), Integer.toHexString(cp));
        }
    }

    static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }
}
