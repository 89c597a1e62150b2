package dev.corpusstats.nlp.html;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlCharsetTest {
    private static final String TEXT = "Grüße aus Köln: Straßenbahn, Bäckerei, Ärger über Öffnungszeiten, Maßnahmen, "
            + "Überraschung, schön, größer, Fußgänger, Häuser, Bürger, Stöße.";

    private static byte[] page(String head, String text, Charset cs) {
        return ("<html><head>" + head + "</head><body><p>" + text + "</p></body></html>").getBytes(cs);
    }

    @Test
    void aByteOrderMarkDecides() {
        byte[] body = page("<meta charset=windows-1252>", TEXT, StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        HtmlCharset.Decoded d = HtmlCharset.decode(withBom);
        assertEquals(HtmlCharset.Source.BYTE_ORDER_MARK, d.source());
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(new String(body, StandardCharsets.UTF_8), d.text());

        byte[] utf16 = ("\uFEFF<p>" + TEXT).getBytes(StandardCharsets.UTF_16LE);
        HtmlCharset.Decoded le = HtmlCharset.decode(utf16);
        assertEquals(StandardCharsets.UTF_16LE, le.charset());
        assertEquals("<p>" + TEXT, le.text());
    }

    @Test
    void theMetaCharsetOrHttpEquivNamesALegacyCharset() {
        Charset latin2 = Charset.forName("ISO-8859-2");
        String polish = "Zażółć gęślą jaźń, powiedział świadek.";
        HtmlCharset.Decoded meta = HtmlCharset.decode(page("<meta charset=\"iso-8859-2\">", polish, latin2));
        assertEquals(HtmlCharset.Source.META, meta.source());
        assertEquals(latin2, meta.charset());
        assertEquals(true, meta.text().contains(polish));

        HtmlCharset.Decoded equiv = HtmlCharset.decode(page(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", TEXT, HtmlCharset.WINDOWS_1252));
        assertEquals(HtmlCharset.WINDOWS_1252, equiv.charset());
        assertEquals(true, equiv.text().contains(TEXT));
    }

    @Test
    void theHttpHeaderComesBeforeTheMeta() {
        Charset latin2 = Charset.forName("ISO-8859-2");
        String polish = "Zażółć gęślą jaźń, powiedział świadek.";
        HtmlCharset.Decoded d = HtmlCharset.decode(page("<meta charset=windows-1252>", polish, latin2),
                "text/html; charset=ISO-8859-2");
        assertEquals(HtmlCharset.Source.HTTP_HEADER, d.source());
        assertEquals(true, d.text().contains(polish));
    }

    @Test
    void validUtf8IsUtf8WhateverIsDeclared() {
        HtmlCharset.Decoded d = HtmlCharset.decode(page("<meta charset=iso-8859-1>", TEXT, StandardCharsets.UTF_8),
                "text/html; charset=iso-8859-1");
        assertEquals(HtmlCharset.Source.UTF8_VALID, d.source());
        assertEquals(true, d.text().contains(TEXT));
    }

    @Test
    void aDeclaredUtf8StandsWithAStrayBadByte() {
        byte[] good = page("<meta charset=utf-8>", TEXT, StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xE9;
        HtmlCharset.Decoded d = HtmlCharset.decode(bad);
        assertEquals(HtmlCharset.Source.META, d.source());
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(true, d.text().contains(TEXT));
    }

    @Test
    void undeclaredLegacyTextIsDetectedAndLatin1LabelsMeanWindows1252() {
        HtmlCharset.Decoded d = HtmlCharset.decode(page("", TEXT + " " + TEXT, HtmlCharset.WINDOWS_1252));
        assertEquals(true, d.text().contains(TEXT), d.text());
        assertEquals(HtmlCharset.WINDOWS_1252, HtmlCharset.forLabel("ISO-8859-1").orElseThrow());
        assertEquals(HtmlCharset.WINDOWS_1252, HtmlCharset.forLabel(" Latin1 ").orElseThrow());
        assertEquals(false, HtmlCharset.forLabel("no-such-charset").isPresent());
    }

    @Test
    void aMetaNamingUtf16OnAsciiBytesIsReadAsUtf8AndAnUnknownLabelIsIgnored() {
        HtmlCharset.Decoded d = HtmlCharset.decode(page("<meta charset=utf-16>", "plain ascii text", StandardCharsets.US_ASCII));
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(true, d.text().contains("plain ascii text"));
        HtmlCharset.Decoded unknown = HtmlCharset.decode(page("<meta charset=bogus>", "plain", StandardCharsets.US_ASCII));
        assertEquals(StandardCharsets.UTF_8, unknown.charset());
    }
}
