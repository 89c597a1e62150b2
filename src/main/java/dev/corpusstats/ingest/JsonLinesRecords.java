package dev.corpusstats.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.corpusstats.config.JobConfig;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one JSON object per line; blank lines are skipped. The id, text, title, date and
 * facet fields are taken from the object's top level with a streaming parser (other fields are
 * skipped, never built); a value that is an object or array counts as absent, but a facet's array
 * gives one value per scalar element. A numeric date is kept as a number (epoch seconds or milliseconds).
 */
final class JsonLinesRecords implements RecordStream {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE) // lines are bounded before parsing; the text's size is judged after
                    .maxNestingDepth(200)
                    .build())
            .build();

    private final String path;
    private final RecordFields fields;
    private final UnicodeInput input;
    private final RecordSplitter lines;
    private final TextDecoder decoder = new TextDecoder();

    JsonLinesRecords(String path, InputStream in, RecordFields fields) throws IOException {
        this.path = path;
        this.fields = fields;
        this.input = UnicodeInput.of(in);
        this.lines = new RecordSplitter(input.in(), RecordSplitter.Syntax.LINES, fields.recordLimit(), 0, 1);
    }

    @Override
    public SourceRecord next() throws IOException {
        RecordSplitter.Raw raw;
        do {
            raw = lines.next();
            if (raw == null) {
                return null;
            }
        } while (!raw.oversized() && UnicodeInput.isBlankAscii(raw.bytes()));
        String source = path + "#L" + raw.line();
        if (raw.oversized()) {
            return SourceRecord.reject(source, null, fields.recordTooLarge(raw.size()));
        }
        try {
            return record(source, input.decode(raw.bytes(), decoder));
        } catch (RejectedInputException e) {
            return SourceRecord.reject(source, null, e);
        }
    }

    private SourceRecord record(String source, DecodedText line) {
        JobConfig.Input settings = fields.settings();
        String id = null;
        String text = null;
        String title = null;
        Object date = null;
        Map<String, List<String>> facets = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line.text())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD, "a JSON Lines record must be an object");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                boolean facet = settings.facetColumns.contains(name);
                if (value == JsonToken.START_ARRAY && facet) {
                    facets.put(name, scalars(p));
                    continue;
                }
                if (value.isStructStart()) {
                    p.skipChildren();
                    continue;
                }
                String scalar = value == JsonToken.VALUE_NULL ? null : p.getText();
                if (name.equals(settings.idColumn)) {
                    id = scalar;
                }
                if (name.equals(settings.textColumn)) {
                    text = scalar;
                }
                if (name.equals(settings.titleColumn)) {
                    title = scalar;
                }
                if (name.equals(settings.dateColumn)) {
                    date = value.isNumeric() ? p.getNumberValue() : scalar;
                }
                if (facet && scalar != null) {
                    facets.put(name, List.of(scalar));
                }
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD, "not one JSON object");
            }
        } catch (JsonProcessingException e) {
            return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD,
                    "not JSON: " + RecordReader.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD, "not JSON: " + RecordReader.describe(e));
        }
        return fields.record(source, id, text, title, line.encoding(), date, facets);
    }

    /** A facet's array: its scalar elements as text; nested arrays and objects are skipped. */
    private static List<String> scalars(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element.isStructStart()) {
                p.skipChildren();
            } else if (element != JsonToken.VALUE_NULL) {
                values.add(p.getText());
            }
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        input.in().close();
    }
}
