package dev.corpusstats.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RecordSplitter}: records as bytes, bounded, with their lines. */
class RecordSplitterTest {
    private static List<RecordSplitter.Raw> split(String input, RecordSplitter.Syntax syntax, long limit) throws IOException {
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), syntax, limit, 0, 1);
        List<RecordSplitter.Raw> records = new ArrayList<>();
        RecordSplitter.Raw r;
        while ((r = splitter.next()) != null) {
            records.add(r);
        }
        return records;
    }

    private static String text(RecordSplitter.Raw r) {
        return new String(r.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void linesEndAtNewlineAndDropACarriageReturn() throws IOException {
        List<RecordSplitter.Raw> lines = split("one\r\ntwo\n\nlast", RecordSplitter.Syntax.LINES, 100);
        assertEquals(List.of("one", "two", "", "last"), lines.stream().map(RecordSplitterTest::text).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), lines.stream().map(RecordSplitter.Raw::line).toList());
    }

    @Test
    void aLineOverTheLimitIsSkippedAndMeasured() throws IOException {
        List<RecordSplitter.Raw> lines = split("short\n" + "x".repeat(200_000) + "\nnext\n", RecordSplitter.Syntax.LINES, 1000);
        assertEquals("short", text(lines.get(0)));
        assertTrue(lines.get(1).oversized());
        assertNull(lines.get(1).bytes());
        assertEquals(200_000, lines.get(1).size());
        assertEquals("next", text(lines.get(2)));
        assertEquals(3, lines.get(2).line());
    }

    @Test
    void csvRecordsSpanLinesInsideQuotesOnly() throws IOException {
        List<RecordSplitter.Raw> records = split("a,\"x\ny\"\r\nb,5\" screen\rc,\"\"\"q\"\"\"\n", RecordSplitter.Syntax.CSV, 100);
        assertEquals(List.of("a,\"x\ny\"", "b,5\" screen", "c,\"\"\"q\"\"\""), records.stream().map(RecordSplitterTest::text).toList());
        assertEquals(List.of(1L, 3L, 4L), records.stream().map(RecordSplitter.Raw::line).toList());
        assertFalse(records.stream().anyMatch(RecordSplitter.Raw::unclosedQuote));
    }

    @Test
    void aQuoteOpenAtTheEndSaysWhereToReadOn() throws IOException {
        String input = "a,1\nb,\"open\nc,3\nd,4\n";
        List<RecordSplitter.Raw> records = split(input, RecordSplitter.Syntax.CSV, 100);
        assertEquals(2, records.size());
        RecordSplitter.Raw open = records.get(1);
        assertTrue(open.unclosedQuote());
        assertEquals(2, open.quoteLine());
        assertEquals(3, open.resumeLine());
        assertEquals("c,3\nd,4\n", input.substring((int) open.resumeOffset()));
    }
}
