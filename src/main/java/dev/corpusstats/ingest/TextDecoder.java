package dev.corpusstats.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import dev.corpusstats.nlp.text.TextChecks;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the bytes of a document or of one record, the same way for every format:
 * <ol>
 *   <li>a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE) and is not part of the text;</li>
 *   <li>NUL bytes without a UTF-16 byte order mark mean binary;</li>
 *   <li>valid UTF-8 is UTF-8;</li>
 *   <li>mostly UTF-8 (at least as many valid multi-byte characters as invalid bytes) stays UTF-8
 *       with each invalid sequence replaced by U+FFFD, and the encoding says how many bytes were;</li>
 *   <li>otherwise the bytes are in a legacy encoding, which ICU's charset detector names; when it
 *       names none, or there are too few non-ASCII bytes to judge, windows-1252 (every byte decodes).</li>
 * </ol>
 * A text that is empty or only white space and format characters is rejected as empty. One
 * instance serves one input file: the legacy encoding detected for its first such record is kept
 * for the file's later records, since short records are too little for the detector.
 */
public final class TextDecoder {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Detector matches below this confidence (0-100) are not trusted. */
    static final int MIN_CONFIDENCE = 10;
    /**
     * Fewer bytes above 0x7F than this are too little evidence for the detector, whose guess is
     * statistical: such text is read as windows-1252.
     */
    static final int MIN_DETECTOR_EVIDENCE = 16;

    private Charset legacy;

    /** The decoded text of one document or record; rejects empty, blank and binary input. */
    public DecodedText decode(byte[] bytes) throws RejectedInputException {
        if (bytes.length == 0) {
            throw new RejectedInputException(RejectReason.EMPTY, "0 bytes");
        }
        DecodedText decoded = decodeBytes(bytes);
        if (TextChecks.isBlank(decoded.text())) {
            throw new RejectedInputException(RejectReason.EMPTY,
                    "only white space or invisible characters (" + bytes.length + " bytes)");
        }
        return decoded;
    }

    private DecodedText decodeBytes(byte[] b) throws RejectedInputException {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return strict(b, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return strict(b, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return strict(b, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
        }
        int nul = indexOfNul(b);
        if (nul >= 0) {
            throw new RejectedInputException(RejectReason.BINARY, "NUL byte at offset " + nul + " of " + b.length);
        }
        Utf8 utf8 = Utf8.decode(b);
        if (utf8.invalidBytes == 0) {
            return new DecodedText(utf8.text, "UTF-8");
        }
        if (utf8.multiByteCharacters >= utf8.invalidBytes) {
            return utf8.repaired();
        }
        if (legacy == null) {
            legacy = detectLegacy(b);
        }
        return new DecodedText(new String(b, legacy), legacy.name());
    }

    /** The most likely legacy charset of bytes that are not UTF-8; windows-1252 when none is named. */
    static Charset detectLegacy(byte[] b) {
        int high = 0;
        for (byte x : b) {
            if (x < 0) {
                high++;
            }
        }
        if (high < MIN_DETECTOR_EVIDENCE) {
            return WINDOWS_1252;
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(b);
        for (CharsetMatch match : detector.detectAll()) {
            String name = match.getName();
            if (match.getConfidence() < MIN_CONFIDENCE) {
                break;
            }
            if (name.equals("ISO-8859-1")) { // ICU names windows-1252 text without bytes 0x80-0x9F so
                return WINDOWS_1252;
            }
            if (!name.startsWith("UTF-") && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return WINDOWS_1252;
    }

    private static DecodedText strict(byte[] b, int offset, Charset cs, String name) throws RejectedInputException {
        String text;
        try {
            text = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            if (cs == StandardCharsets.UTF_8) { // a UTF-8 BOM on text with bad bytes: repair it
                return Utf8.decode(Arrays.copyOfRange(b, offset, b.length)).repaired();
            }
            throw new RejectedInputException(RejectReason.BINARY, "byte order mark says " + name + " but the bytes are not valid " + name);
        }
        if (text.indexOf('\0') >= 0) {
            throw new RejectedInputException(RejectReason.BINARY, "NUL character in " + name + " text");
        }
        return new DecodedText(text, name);
    }

    /** UTF-8 decoded with each malformed sequence replaced, and the counts that judge the result. */
    private record Utf8(String text, int invalidBytes, int multiByteCharacters) {
        /** The text with its invalid sequences replaced, labelled with how many bytes were. */
        DecodedText repaired() {
            return new DecodedText(text, "UTF-8 with " + invalidBytes + " invalid " + (invalidBytes == 1 ? "byte" : "bytes") + " replaced");
        }

        static Utf8 decode(byte[] b) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(b);
            CharBuffer out = CharBuffer.allocate(b.length + 1);
            int invalid = 0;
            while (true) {
                CoderResult result = decoder.decode(in, out, true);
                if (result.isUnderflow()) {
                    break;
                }
                if (result.isError()) {
                    invalid += result.length();
                    in.position(in.position() + result.length());
                    out.put('\uFFFD');
                } else {
                    throw new IllegalStateException("output sized for every byte cannot overflow: " + result);
                }
            }
            decoder.flush(out);
            out.flip();
            String text = out.toString();
            int multiByte = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80 && c != '\uFFFD' && !Character.isLowSurrogate(c)) {
                    multiByte++;
                }
            }
            return new Utf8(text, invalid, multiByte);
        }
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

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
