package dev.corpusstats.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {

    @Test
    void utf8IsDecodedAsIs() throws Exception {
        DecodedText d = TextDecoder.decode("Kabul — £5 café".getBytes(StandardCharsets.UTF_8));
        assertEquals("Kabul — £5 café", d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void invalidUtf8FallsBackToWindows1252AndKeepsThePoundSign() throws Exception {
        // "£5m deal" in Latin-1 / windows-1252, as in BBC sport/199.txt: 0xA3 alone is not UTF-8.
        byte[] bytes = {(byte) 0xA3, '5', 'm', ' ', 'd', 'e', 'a', 'l', ' ', (byte) 0x93, 'q', (byte) 0x94};
        DecodedText d = TextDecoder.decode(bytes);
        assertEquals("£5m deal \u201Cq\u201D", d.text());
        assertEquals("windows-1252", d.encoding());
    }

    @Test
    void byteOrderMarksDecideAndAreDropped() throws Exception {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals("hi", TextDecoder.decode(utf8Bom).text());
        byte[] utf16le = {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i', 0};
        DecodedText le = TextDecoder.decode(utf16le);
        assertEquals("hi", le.text());
        assertEquals("UTF-16LE", le.encoding());
        byte[] utf16be = {(byte) 0xFE, (byte) 0xFF, 0, 'h', 0, 'i'};
        assertEquals("UTF-16BE", TextDecoder.decode(utf16be).encoding());
    }

    @Test
    void nulBytesMeanBinary() {
        RejectedInputException e = assertThrows(RejectedInputException.class,
                () -> TextDecoder.decode(new byte[] {'P', 'K', 3, 4, 0, 0, 1}));
        assertEquals(RejectReason.BINARY, e.reason());
        assertTrue(e.detail().contains("offset 4"), e.detail());
    }

    @Test
    void emptyAndWhitespaceOnlyAreEmpty() {
        assertEquals(RejectReason.EMPTY, assertThrows(RejectedInputException.class,
                () -> TextDecoder.decode(new byte[0])).reason());
        assertEquals(RejectReason.EMPTY, assertThrows(RejectedInputException.class,
                () -> TextDecoder.decode(" \n\t\r\n".getBytes(StandardCharsets.UTF_8))).reason());
    }
}
