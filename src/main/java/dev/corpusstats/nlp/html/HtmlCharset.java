package dev.corpusstats.nlp.html;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of an HTML page. The charset is, in order: a byte order mark; UTF-8 when the
 * bytes are valid UTF-8 and not all ASCII (multi-byte sequences that are all valid are next to never
 * legacy text, and servers and pages often declare a legacy charset for UTF-8 pages); the
 * transport's charset (an HTTP Content-Type header's, when the caller has one); the page's own
 * {@code <meta charset>} or {@code http-equiv} Content-Type in its first bytes; else ICU's detector;
 * else windows-1252, which decodes every byte.
 * <p>
 * A declared ISO-8859-1 or US-ASCII is read as windows-1252, as browsers do (the WHATWG encoding
 * standard maps those labels to it), and a declared charset the bytes are not valid in gives way
 * to the checks after it: pages often declare UTF-8 and are not.
 */
public final class HtmlCharset {
    /** How far into the page a meta charset is looked for (browsers pre-scan 1024 bytes; pages put long heads first). */
    static final int META_SCAN_BYTES = 8192;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Detector matches below this confidence (0-100) are not trusted. */
    static final int MIN_CONFIDENCE = 10;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile(
            "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private HtmlCharset() {
    }

    /** The decoded page and the charset read, with where it was decided. */
    public record Decoded(String text, Charset charset, Source source) {
    }

    /** What decided the charset. */
    public enum Source { BYTE_ORDER_MARK, HTTP_HEADER, META, UTF8_VALID, DETECTOR, FALLBACK }

    /** Decodes a page without transport information. */
    public static Decoded decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /**
     * Decodes a page; {@code contentType} is the HTTP Content-Type header's value (or only its
     * charset), or null.
     */
    public static Decoded decode(byte[] bytes, String contentType) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(lenient(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, Source.BYTE_ORDER_MARK);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(lenient(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, Source.BYTE_ORDER_MARK);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(lenient(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, Source.BYTE_ORDER_MARK);
        }
        Optional<String> utf8 = validUtf8(bytes);
        if (utf8.isPresent() && hasNonAscii(bytes)) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8, Source.UTF8_VALID);
        }
        Optional<Charset> header = contentType == null ? Optional.empty() : charsetIn(HEADER_CHARSET, contentType);
        if (header.isPresent()) {
            Optional<String> text = strict(bytes, header.get());
            if (text.isPresent()) {
                return new Decoded(text.get(), header.get(), Source.HTTP_HEADER);
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        // A page cannot declare UTF-16 in bytes that are readable as ASCII: the encoding standard reads UTF-8.
        Optional<Charset> meta = charsetIn(META_CHARSET, head)
                .map(cs -> cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs);
        if (meta.isPresent()) {
            Optional<String> text = strict(bytes, meta.get());
            if (text.isPresent()) {
                return new Decoded(text.get(), meta.get(), Source.META);
            }
        }
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), StandardCharsets.UTF_8, Source.UTF8_VALID);
        }
        Optional<Charset> detected = detect(bytes);
        if (detected.isPresent()) {
            return new Decoded(lenient(bytes, 0, detected.get()), detected.get(), Source.DETECTOR);
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, Source.FALLBACK);
    }

    /** The charset a label names, with the aliases browsers apply; empty when Java has none by that name. */
    static Optional<Charset> forLabel(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii" -> {
                return Optional.of(WINDOWS_1252);
            }
            case "utf8" -> {
                return Optional.of(StandardCharsets.UTF_8);
            }
            default -> {
            }
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> charsetIn(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? forLabel(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> detect(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(true); // ignore markup, judge the text
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            Optional<Charset> cs = forLabel(match.getName());
            if (cs.isPresent() && !cs.get().name().startsWith("UTF-")) {
                return cs;
            }
        }
        return Optional.empty();
    }

    /**
     * The bytes decoded if every one is valid in the charset (single-byte charsets that map every
     * byte pass). A declared UTF-8 also passes with a few bad bytes replaced (fewer than one for ten
     * valid multi-byte characters): one stray byte of a UTF-8 page does not make it legacy text.
     */
    private static Optional<String> strict(byte[] bytes, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int replaced = 0;
            int multiByte = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\uFFFD') {
                    replaced++;
                } else if (c >= 0x80 && !Character.isLowSurrogate(c)) {
                    multiByte++;
                }
            }
            return replaced == 0 || replaced * 10 < multiByte ? Optional.of(text) : Optional.empty();
        }
        try {
            return Optional.of(cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            if (cs.equals(WINDOWS_1252)) { // its five unassigned bytes are not worth rejecting a declaration for
                return Optional.of(new String(bytes, cs));
            }
            return Optional.empty();
        }
    }

    private static Optional<String> validUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String lenient(byte[] bytes, int offset, Charset cs) {
        return new String(bytes, offset, bytes.length - offset, cs);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
