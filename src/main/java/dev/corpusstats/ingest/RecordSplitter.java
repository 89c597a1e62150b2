package dev.corpusstats.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into the raw bytes of its records, one at a time and bounded: a record
 * longer than the limit is skipped to its end and reported by size, never held. Works on bytes, so
 * that each record is decoded on its own ({@link TextDecoder}); the separators are ASCII, the same
 * bytes in UTF-8 and every 8-bit charset (UTF-16 input is transcoded to UTF-8 before).
 * <ul>
 *   <li>{@link Syntax#LINES}: a record is a line ending in {@code \n}; a trailing {@code \r} is dropped.</li>
 *   <li>{@link Syntax#CSV}: a record ends at {@code \n}, {@code \r\n} or {@code \r} outside quotes; a
 *       field is quoted when it starts with {@code "} (after spaces), and {@code ""} inside it is a
 *       quote. A quote still open at the end of the stream makes the last record {@link Raw#unclosedQuote}.</li>
 * </ul>
 */
final class RecordSplitter {
    enum Syntax { LINES, CSV }

    /**
     * One record's bytes, without its line terminator.
     *
     * @param line          the line it starts on (1-based)
     * @param bytes         its bytes; null when it is over the limit
     * @param size          its length in bytes
     * @param unclosedQuote a CSV quote opened on {@code quoteLine} is still open at the end of the stream
     * @param quoteLine     where that quote opened
     * @param resumeOffset  the stream offset just after the line the open quote is on (where reading
     *                      can start again to recover the records it swallowed)
     * @param resumeLine    the line number at {@code resumeOffset}
     */
    record Raw(long line, byte[] bytes, long size, boolean unclosedQuote, long quoteLine, long resumeOffset, long resumeLine) {
        boolean oversized() {
            return bytes == null;
        }
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final Syntax syntax;
    private final long limit;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int end;
    private boolean eof;
    private long offset;
    private long line;
    private boolean skipLf;

    private byte[] acc = new byte[1024];
    private int accLen;
    private long size;

    // CSV state of the record being read
    private boolean inQuotes;
    private boolean quotePending;
    private boolean fieldStart;
    private long quoteLine;
    private long resumeOffset;
    private long resumeLine;

    /**
     * @param startOffset the stream's offset in the whole input (after skipping to a resume point)
     * @param startLine   the line number at that offset
     */
    RecordSplitter(InputStream in, Syntax syntax, long limit, long startOffset, long startLine) {
        this.in = in;
        this.syntax = syntax;
        this.limit = limit;
        this.offset = startOffset;
        this.line = startLine;
    }

    /** The next record, or null at the end of the stream. */
    Raw next() throws IOException {
        if (!fill()) {
            return null;
        }
        if (skipLf && buf[pos] == '\n') { // the \n of a \r\n that ended the last record
            pos++;
            offset++;
            if (!fill()) {
                return null;
            }
        }
        skipLf = false;
        long startLine = line;
        accLen = 0;
        size = 0;
        inQuotes = false;
        quotePending = false;
        fieldStart = true;
        quoteLine = 0;
        resumeOffset = -1;
        boolean ended = syntax == Syntax.LINES ? readLine() : readCsvRecord();
        boolean unclosed = !ended && syntax == Syntax.CSV && inQuotes && !quotePending;
        byte[] bytes = size > limit ? null : Arrays.copyOf(acc, accLen);
        if (bytes != null && syntax == Syntax.LINES && accLen > 0 && bytes[accLen - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, accLen - 1);
        }
        if (acc.length > 1 << 20) {
            acc = new byte[1024]; // a large record's buffer is not kept for the next ones
        }
        return new Raw(startLine, bytes, size, unclosed, quoteLine, resumeOffset, resumeLine);
    }

    /** @return true if a terminator ended the line, false at the end of the stream */
    private boolean readLine() throws IOException {
        while (fill()) {
            int nl = -1;
            for (int i = pos; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int stop = nl < 0 ? end : nl;
            append(pos, stop);
            offset += stop - pos;
            pos = stop;
            if (nl >= 0) {
                pos++;
                offset++;
                line++;
                return true;
            }
        }
        return false;
    }

    private boolean readCsvRecord() throws IOException {
        while (fill()) {
            int start = pos;
            int i = pos;
            boolean ended = false;
            for (; i < end; i++) {
                byte c = buf[i];
                if (inQuotes) {
                    if (quotePending) {
                        quotePending = false;
                        if (c == '"') {
                            continue; // "" inside quotes is one quote
                        }
                        inQuotes = false; // the quote closed the field; c is read as unquoted
                    } else {
                        if (c == '"') {
                            quotePending = true;
                        } else if (c == '\n') {
                            line++;
                            if (resumeOffset < 0) {
                                resumeOffset = offset + (i - start) + 1;
                                resumeLine = line;
                            }
                        }
                        continue;
                    }
                }
                if (c == ',') {
                    fieldStart = true;
                } else if (c == '\n' || c == '\r') {
                    ended = true;
                    skipLf = c == '\r';
                    line++;
                    break;
                } else if (fieldStart && c == '"') {
                    inQuotes = true;
                    fieldStart = false;
                    quoteLine = line;
                    resumeOffset = -1;
                } else if (!(fieldStart && (c == ' ' || c == '\t'))) {
                    fieldStart = false;
                }
            }
            append(start, i);
            offset += i - start;
            pos = i;
            if (ended) {
                pos++;
                offset++;
                return true;
            }
        }
        if (resumeOffset < 0) { // the open quote is on the last line: nothing after it to recover
            resumeOffset = offset;
            resumeLine = line;
        }
        return false;
    }

    private void append(int from, int to) {
        int n = to - from;
        size += n;
        if (size > limit) {
            accLen = 0;
            return;
        }
        if (accLen + n > acc.length) {
            acc = Arrays.copyOf(acc, (int) Math.min(Math.max(acc.length * 2L, accLen + n), Integer.MAX_VALUE - 16));
        }
        System.arraycopy(buf, from, acc, accLen, n);
        accLen += n;
    }

    private boolean fill() throws IOException {
        if (pos < end) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
