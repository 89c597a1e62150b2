package dev.corpusstats.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a document's bytes: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE); otherwise strict
 * UTF-8, and if the bytes are not valid UTF-8, windows-1252 (the superset of Latin-1 that Western
 * news text in a legacy encoding almost always is; every byte sequence decodes, and {@code £} is
 * {@code 0xA3} in both). NUL bytes without a UTF-16 BOM mean binary; empty or whitespace-only text
 * means empty. The BOM is not part of the text.
 */
public final class TextDecoder {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes) throws RejectedInputException {
        if (bytes.length == 0) {
            throw new RejectedInputException(RejectReason.EMPTY, "0 bytes");
        }
        DecodedText decoded = decodeBytes(bytes);
        if (decoded.text().isBlank()) {
            throw new RejectedInputException(RejectReason.EMPTY, "only whitespace (" + bytes.length + " bytes)");
        }
        return decoded;
    }

    private static DecodedText decodeBytes(byte[] b) throws RejectedInputException {
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
        DecodedText utf8 = tryStrict(b, 0, StandardCharsets.UTF_8, "UTF-8");
        if (utf8 != null) {
            return utf8;
        }
        return new DecodedText(new String(b, WINDOWS_1252), WINDOWS_1252.name());
    }

    private static DecodedText strict(byte[] b, int offset, Charset cs, String name) throws RejectedInputException {
        DecodedText d = tryStrict(b, offset, cs, name);
        if (d == null) {
            throw new RejectedInputException(RejectReason.BINARY, "byte order mark says " + name + " but the bytes are not valid " + name);
        }
        if (d.text().indexOf('\0') >= 0) {
            throw new RejectedInputException(RejectReason.BINARY, "NUL character in " + name + " text");
        }
        return d;
    }

    private static DecodedText tryStrict(byte[] b, int offset, Charset cs, String name) {
        try {
            String text = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset))
                    .toString();
            return new DecodedText(text, name);
        } catch (CharacterCodingException e) {
            return null;
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
