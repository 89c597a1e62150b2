package dev.corpusstats.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.corpusstats.config.JobConfig;

import java.io.IOException;
import java.io.InputStream;

/**
 * JSON Lines: one JSON object per line; blank lines are skipped. The id, text and title fields
 * are taken from the object's top level with a streaming parser (other fields are skipped, never
 * built); a value that is an object or array counts as absent.
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
        try (JsonParser p = JSON.createParser(line.text())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD, "a JSON Lines record must be an object");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value.isStructStart()) {
                    p.skipChildren();
                    continue;
                }
                String scalar = value == JsonToken.VALUE_NULL ? null : p.getText();
                if (name.equals(settings.idColumn)) {
                    id = scalar;
                } else if (name.equals(settings.textColumn)) {
                    text = scalar;
                } else if (name.equals(settings.titleColumn)) {
                    title = scalar;
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
        return fields.record(source, id, text, title, line.encoding());
    }

    @Override
    public void close() throws IOException {
        input.in().close();
    }
}
