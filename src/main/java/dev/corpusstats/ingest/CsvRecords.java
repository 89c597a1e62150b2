package dev.corpusstats.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.corpusstats.config.JobConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header line: records are split by {@link RecordSplitter} (bounded, quote-aware) and
 * each is parsed on its own by univocity. A quote that is never closed makes its record a {@code
 * malformed_record} naming the line it opened on; reading then starts again on the next line, so
 * the records it would have swallowed are still read (up to {@value #MAX_RECOVERIES} times per
 * file; after that the rest of the file is one reject).
 */
final class CsvRecords implements RecordStream {
    static final int MAX_RECOVERIES = 16;

    /** Opens the file's decompressed stream again, to read on after an open quote. */
    interface Reopener {
        InputStream open() throws IOException;
    }

    private final String path;
    private final RecordFields fields;
    private final Reopener reopener;
    private final TextDecoder decoder = new TextDecoder();
    private final CsvParser parser;
    private UnicodeInput input;
    private RecordSplitter records;
    private int idIndex;
    private int textIndex;
    private int titleIndex = -1;
    private int dateIndex = -1;
    private Map<String, Integer> facetIndexes = Map.of();
    private long recordNo;
    private int recoveries;
    private boolean stopped;

    CsvRecords(String path, Reopener reopener, RecordFields fields) throws IOException, RejectedInputException {
        this.path = path;
        this.fields = fields;
        this.reopener = reopener;
        CsvParserSettings csv = new CsvParserSettings();
        csv.setHeaderExtractionEnabled(false);
        csv.setMaxCharsPerColumn(-1);
        csv.setMaxColumns(10_000);
        // univocity reads ahead on a thread of its own when there are 2+ cores; a Spark task is
        // already one thread per core.
        csv.setReadInputOnSeparateThread(false);
        this.parser = new CsvParser(csv);
        this.input = UnicodeInput.of(reopener.open());
        this.records = new RecordSplitter(input.in(), RecordSplitter.Syntax.CSV, fields.recordLimit(), 0, 1);
        readHeader();
    }

    private void readHeader() throws IOException, RejectedInputException {
        RecordSplitter.Raw raw;
        do {
            raw = records.next();
            if (raw == null) {
                throw new RejectedInputException(RejectReason.EMPTY, "CSV file has no header");
            }
        } while (!raw.oversized() && !raw.unclosedQuote() && UnicodeInput.isBlankAscii(raw.bytes()));
        if (raw.oversized() || raw.unclosedQuote()) {
            throw new RejectedInputException(RejectReason.MALFORMED_RECORD, raw.oversized()
                    ? "a CSV header of " + raw.size() + " bytes"
                    : "the header's quote opened on line " + raw.quoteLine() + " is never closed");
        }
        String[] headers = parser.parseLine(input.decode(raw.bytes(), decoder).text());
        List<String> names = headers == null ? List.of() : Arrays.asList(headers);
        JobConfig.Input settings = fields.settings();
        idIndex = names.indexOf(settings.idColumn);
        textIndex = names.indexOf(settings.textColumn);
        if (idIndex < 0) {
            throw new RejectedInputException(RejectReason.MISSING_ID, "no id column '" + settings.idColumn + "' in " + names);
        }
        if (textIndex < 0) {
            throw new RejectedInputException(RejectReason.MISSING_TEXT, "no text column '" + settings.textColumn + "' in " + names);
        }
        titleIndex = settings.titleColumn == null ? -1 : names.indexOf(settings.titleColumn);
        dateIndex = settings.dateColumn == null ? -1 : names.indexOf(settings.dateColumn);
        facetIndexes = new LinkedHashMap<>();
        for (String facet : settings.facetColumns) {
            if (names.contains(facet)) {
                facetIndexes.put(facet, names.indexOf(facet));
            }
        }
    }

    private Map<String, List<String>> facets(String[] values) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facetIndexes.forEach((facet, index) -> {
            String value = value(values, index);
            if (value != null) {
                facets.put(facet, List.of(value));
            }
        });
        return facets;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (stopped) {
            return null;
        }
        RecordSplitter.Raw raw;
        do {
            raw = records.next();
            if (raw == null) {
                return null;
            }
        } while (!raw.oversized() && !raw.unclosedQuote() && UnicodeInput.isBlankAscii(raw.bytes()));
        recordNo++;
        String source = path + "#R" + recordNo;
        if (raw.unclosedQuote()) {
            return unclosedQuote(source, raw);
        }
        if (raw.oversized()) {
            return SourceRecord.reject(source, null, fields.recordTooLarge(raw.size()));
        }
        try {
            DecodedText record = input.decode(raw.bytes(), decoder);
            String[] values = parser.parseLine(record.text());
            return fields.record(source, value(values, idIndex), value(values, textIndex), value(values, titleIndex),
                    record.encoding(), value(values, dateIndex), facets(values));
        } catch (RejectedInputException e) {
            return SourceRecord.reject(source, null, e);
        } catch (RuntimeException e) { // univocity's TextParsingException, e.g. too many columns
            return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD,
                    "the CSV record on line " + raw.line() + " cannot be parsed: " + RecordReader.firstLine(e.getMessage()));
        }
    }

    /** Rejects the record with the open quote and reads on from the line after the quote's. */
    private SourceRecord unclosedQuote(String source, RecordSplitter.Raw raw) throws IOException {
        String detail = "a quote opened on line " + raw.quoteLine() + " is never closed";
        recoveries++;
        if (recoveries > MAX_RECOVERIES) {
            stopped = true;
            return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD, detail + "; lines "
                    + raw.quoteLine() + " to the end are not read (more than " + MAX_RECOVERIES + " unclosed quotes)");
        }
        input.in().close();
        input = UnicodeInput.of(reopener.open());
        input.in().skipNBytes(raw.resumeOffset());
        records = new RecordSplitter(input.in(), RecordSplitter.Syntax.CSV, fields.recordLimit(), raw.resumeOffset(), raw.resumeLine());
        return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD,
                detail + "; reading resumes on line " + raw.resumeLine());
    }

    private static String value(String[] values, int index) {
        return index < 0 || values == null || index >= values.length ? null : values[index];
    }

    @Override
    public void close() throws IOException {
        parser.stopParsing();
        input.in().close();
    }
}
