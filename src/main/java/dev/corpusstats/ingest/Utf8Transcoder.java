package dev.corpusstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A stream in another Unicode encoding (UTF-16) as UTF-8 bytes, converted as it is read, so that
 * the record splitter, which works on ASCII separators, reads every input the same way. Malformed
 * input becomes U+FFFD.
 */
final class Utf8Transcoder extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private boolean eof;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!bytes.hasRemaining()) {
            if (eof) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    private void refill() throws IOException {
        bytes.clear();
        int n = reader.read(chars);
        if (n < 0) {
            eof = true;
        }
        chars.flip();
        encoder.encode(chars, bytes, eof);
        if (eof) {
            encoder.flush(bytes);
        }
        chars.compact();
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
