package dev.corpusstats.nlp.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TextFormsTest {

    @Test
    void decomposedAccentsAreComposed() {
        assertEquals("caf\u00E9", TextForms.normalize("cafe\u0301"));
        assertEquals("Zo\u00EB", TextForms.normalize("Zoe\u0308"));
        assertEquals("caf\u00E9", TextForms.normalize("caf\u00E9"));
    }

    @Test
    void formatCharactersLeaveNoTrace() {
        assertEquals("cooperation", TextForms.normalize("co\u00ADop\u00ADer\u00ADa\u00ADtion"));
        assertEquals("ab", TextForms.normalize("a\u200Cb"));
        assertEquals("ab", TextForms.normalize("a\u200Db"));
        assertEquals("ab", TextForms.normalize("a\u2060b"));
        assertEquals("Kabul", TextForms.normalize("\u202AKabul\u202C"));
        assertEquals("Kabul", TextForms.normalize("\u2066Ka\u200Ebul\u2069"));
        assertEquals("Sandringham", TextForms.normalize("\uFEFFSandrin\uFEFFgham"));
        assertEquals("flag", TextForms.normalize("fl\uDB40\uDC01ag"), "a supplementary format character");
        assertEquals("", TextForms.normalize("\u00AD\u200D\uFEFF"));
    }

    @Test
    void aSoftHyphenBetweenALetterAndItsAccentLetsThemCompose() {
        assertEquals("caf\u00E9", TextForms.normalize("cafe\u00AD\u0301"));
    }

    @Test
    void theZeroWidthSpaceSeparatesWords() {
        assertEquals("Hamid Karzai", TextForms.normalize("Hamid\u200BKarzai"));
        assertEquals("Hamid Karzai", TextForms.normalize("Hamid\u200B\u200B\u2060Karzai"));
        assertEquals("Islamic Movement", TextForms.normalize("Islamic \u200BMovement"), "no second space");
        assertEquals("Keir Starmer", TextForms.normalize("Keir\u200B Starmer"));
        assertEquals("Starmer", TextForms.normalize("\u200BStarmer\u200B"));
    }

    /** NFC, not NFKC: compatibility characters keep their identity. */
    @Test
    void compatibilityFormsAreKept() {
        assertEquals("\uFB01nance", TextForms.normalize("\uFB01nance"));
        assertEquals("\uFF21\uFF22", TextForms.normalize("\uFF21\uFF22"));
        assertEquals("x\u00B2", TextForms.normalize("x\u00B2"));
    }

    @Test
    void textAlreadyInFormIsReturnedAsIs() {
        for (String text : new String[] {"Karzai", "caf\u00E9", "\u0418\u0432\u0430\u043D", "\u5317\u4EAC", ""}) {
            assertSame(text, TextForms.normalize(text), text);
        }
    }
}
