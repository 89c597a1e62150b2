package dev.corpusstats.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {

    @Test
    void utf8IsDecodedAsIs() throws Exception {
        DecodedText d = new TextDecoder().decode("Kabul — £5 café".getBytes(StandardCharsets.UTF_8));
        assertEquals("Kabul — £5 café", d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void invalidUtf8FallsBackToWindows1252AndKeepsThePoundSign() throws Exception {
        // "£5m deal" in Latin-1 / windows-1252, as in BBC sport/199.txt: 0xA3 alone is not UTF-8.
        byte[] bytes = {(byte) 0xA3, '5', 'm', ' ', 'd', 'e', 'a', 'l', ' ', (byte) 0x93, 'q', (byte) 0x94};
        DecodedText d = new TextDecoder().decode(bytes);
        assertEquals("£5m deal \u201Cq\u201D", d.text());
        assertEquals("windows-1252", d.encoding());
    }

    @Test
    void byteOrderMarksDecideAndAreDropped() throws Exception {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals("hi", new TextDecoder().decode(utf8Bom).text());
        byte[] utf16le = {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0};
        DecodedText le = new TextDecoder().decode(utf16le);
        assertEquals("hi", le.text());
        assertEquals("UTF-16LE", le.encoding());
        byte[] utf16be = {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'};
        assertEquals("UTF-16BE", new TextDecoder().decode(utf16be).encoding());
    }

    @Test
    void nulBytesMeanBinary() {
        RejectedInputException e = assertThrows(RejectedInputException.class,
                () -> new TextDecoder().decode(new byte[] {'P', 'K', 3, 4, 0, 0, 1}));
        assertEquals(RejectReason.BINARY, e.reason());
        assertTrue(e.detail().contains("offset 4"), e.detail());
    }

    @Test
    void emptyAndWhitespaceOnlyAreEmpty() {
        assertEquals(RejectReason.EMPTY, assertThrows(RejectedInputException.class,
                () -> new TextDecoder().decode(new byte[0])).reason());
        assertEquals(RejectReason.EMPTY, assertThrows(RejectedInputException.class,
                () -> new TextDecoder().decode(" \n\t\r\n".getBytes(StandardCharsets.UTF_8))).reason());
    }

    @Test
    void oneStrayByteInUtf8KeepsEveryAccent() throws Exception {
        byte[] good = "Café in Zürich, naïve résumé. ".repeat(20).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xE9;
        bytes[good.length + 1] = '!';
        DecodedText d = new TextDecoder().decode(bytes);
        assertTrue(d.text().startsWith("Café in Zürich, naïve résumé."), d.text());
        assertTrue(d.text().endsWith("\uFFFD!"), d.text());
        assertEquals("UTF-8 with 1 invalid byte replaced", d.encoding());
    }

    @Test
    void aLegacyEncodingIsNamedByTheDetector() throws Exception {
        String russian = "Съешь же ещё этих мягких французских булок, да выпей чаю. В чащах юга жил бы цитрус? "
                + "Да, но фальшивый экземпляр! Широкая электрификация южных губерний даст мощный толчок подъёму сельского хозяйства.";
        DecodedText d = new TextDecoder().decode(russian.getBytes("windows-1251"));
        assertEquals(russian, d.text());
        assertEquals("windows-1251", d.encoding());
    }

    @Test
    void invisibleOnlyTextIsEmpty() {
        assertEquals(RejectReason.EMPTY, assertThrows(RejectedInputException.class,
                () -> new TextDecoder().decode("\u00A0\u200B \u2007\u202F\uFEFF\u00AD\n".getBytes(StandardCharsets.UTF_8))).reason());
    }
}
