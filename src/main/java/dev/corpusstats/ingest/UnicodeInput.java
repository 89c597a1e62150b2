package dev.corpusstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A multi-record file's byte stream after its byte order mark. UTF-16 is transcoded to UTF-8, and
 * {@link #encoding} then names the file's encoding for every record; with no byte order mark or a
 * UTF-8 one it is null and each record is decoded on its own ({@link TextDecoder}).
 */
record UnicodeInput(InputStream in, String encoding) {

    static UnicodeInput of(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = in.readNBytes(3);
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return new UnicodeInput(in, null);
        }
        if (b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF) {
            in.unread(head, 2, head.length - 2);
            return b0 == 0xFF
                    ? new UnicodeInput(new Utf8Transcoder(in, StandardCharsets.UTF_16LE), "UTF-16LE")
                    : new UnicodeInput(new Utf8Transcoder(in, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        in.unread(head);
        return new UnicodeInput(in, null);
    }

    /** One record's bytes as text: in the file's Unicode encoding, or decoded on their own. */
    DecodedText decode(byte[] bytes, TextDecoder decoder) throws RejectedInputException {
        if (encoding != null) {
            return new DecodedText(new String(bytes, StandardCharsets.UTF_8), encoding);
        }
        return decoder.decode(bytes);
    }

    static boolean isBlankAscii(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r' && x != '\n') {
                return false;
            }
        }
        return true;
    }
}
