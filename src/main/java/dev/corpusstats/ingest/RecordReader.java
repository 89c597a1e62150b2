package dev.corpusstats.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.common.record.Record;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one input file into documents and rejects, whatever its format. It never throws for bad
 * input: every file yields at least one record, a document or a reject with its reason, so nothing
 * is lost silently. Runs on executors; one instance per task.
 */
public final class RecordReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobConfig.Input settings;
    private final Configuration hadoopConf;

    public RecordReader(JobConfig.Input settings, Configuration hadoopConf) {
        this.settings = settings;
        this.hadoopConf = hadoopConf;
    }

    public List<SourceRecord> read(InputFile file) {
        if (file.rejectReason() != null) {
            return List.of(SourceRecord.reject(file.path(), null, file.rejectReason(), file.rejectDetail()));
        }
        try {
            return switch (file.format()) {
                case TEXT -> List.of(readText(file));
                case JSONL -> readJsonLines(file);
                case CSV -> readCsv(file);
                case PARQUET -> readParquet(file);
                case AUTO -> throw new IllegalArgumentException("a listed file has a format, never auto: " + file.path());
            };
        } catch (RejectedInputException e) {
            String docId = file.format() == InputFormat.TEXT ? DocIds.fromRelativePath(file.relativePath()) : null;
            return List.of(SourceRecord.reject(file.path(), docId, e));
        } catch (RuntimeException e) {
            // A parser bug or an unexpected library error on one file must not kill the run.
            return List.of(SourceRecord.reject(file.path(), null, RejectReason.UNREADABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private SourceRecord readText(InputFile file) throws RejectedInputException {
        String docId = DocIds.fromRelativePath(file.relativePath());
        if (!file.gzipped() && file.length() > settings.maxDocumentBytes) {
            throw tooLarge(String.valueOf(file.length()));
        }
        byte[] bytes = readBytes(file);
        DecodedText decoded = TextDecoder.decode(bytes);
        return SourceRecord.document(file.path(), docId, null, decoded.text(), decoded.encoding(), bytes.length);
    }

    private byte[] readBytes(InputFile file) throws RejectedInputException {
        try (InputStream in = open(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(file.length() + 16, 1 << 20));
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > settings.maxDocumentBytes) {
                    throw tooLarge("at least " + total);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException | EOFException e) {
            throw new RejectedInputException(RejectReason.CORRUPT_COMPRESSION,
                    "gzip stream is truncated or corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private InputStream open(InputFile file) throws IOException {
        Path path = new Path(file.path());
        InputStream in = path.getFileSystem(hadoopConf).open(path);
        return file.gzipped() ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    private Reader openReader(InputFile file) throws RejectedInputException {
        try {
            return new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private List<SourceRecord> readJsonLines(InputFile file) throws RejectedInputException {
        List<SourceRecord> records = new ArrayList<>();
        try (BufferedReader reader = (BufferedReader) openReader(file)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                records.add(jsonRecord(file.path() + "#L" + lineNo, line));
            }
        } catch (ZipException | EOFException e) {
            records.add(SourceRecord.reject(file.path(), null, RejectReason.CORRUPT_COMPRESSION,
                    "gzip stream is truncated or corrupt after " + records.size() + " records: " + e.getMessage()));
        } catch (IOException e) {
            records.add(SourceRecord.reject(file.path(), null, RejectReason.UNREADABLE,
                    "read failed after " + records.size() + " records: " + e.getMessage()));
        }
        if (records.isEmpty()) {
            throw new RejectedInputException(RejectReason.EMPTY, "no JSON Lines records");
        }
        return records;
    }

    private SourceRecord jsonRecord(String source, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD,
                    "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return SourceRecord.reject(source, null, RejectReason.MALFORMED_RECORD, "a JSON Lines record must be an object");
        }
        return fieldRecord(source, scalar(node.get(settings.idColumn)), scalar(node.get(settings.textColumn)),
                settings.titleColumn == null ? null : scalar(node.get(settings.titleColumn)));
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** A record of a multi-record format, from its id, text and title fields. */
    private SourceRecord fieldRecord(String source, String id, String text, String title) {
        if (id == null || id.isBlank()) {
            return SourceRecord.reject(source, null, RejectReason.MISSING_ID,
                    "no value in id column '" + settings.idColumn + "'");
        }
        if (text == null || text.isBlank()) {
            return SourceRecord.reject(source, id, RejectReason.MISSING_TEXT,
                    "no text in column '" + settings.textColumn + "'");
        }
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > settings.maxDocumentBytes) {
            return SourceRecord.reject(source, id, tooLarge(String.valueOf(bytes)));
        }
        return SourceRecord.document(source, id.strip(), title, text, "UTF-8", bytes);
    }

    private List<SourceRecord> readCsv(InputFile file) throws RejectedInputException {
        CsvParserSettings csv = new CsvParserSettings();
        csv.setHeaderExtractionEnabled(true);
        csv.setLineSeparatorDetectionEnabled(true);
        csv.setMaxCharsPerColumn(-1);
        csv.setMaxColumns(10_000);
        csv.setSkipEmptyLines(true);
        // univocity reads ahead on a thread of its own when there are 2+ cores. Stopping early (a
        // missing column) then raced that thread, whose "stream closed" error could replace the
        // real reject reason. A Spark task is already one thread per core: read on the caller's.
        csv.setReadInputOnSeparateThread(false);
        CsvParser parser = new CsvParser(csv);
        List<SourceRecord> records = new ArrayList<>();
        try (Reader reader = openReader(file)) {
            parser.beginParsing(reader);
            String[] headers = parser.getContext().headers();
            if (headers == null) {
                throw new RejectedInputException(RejectReason.EMPTY, "CSV file has no header");
            }
            List<String> columns = Arrays.asList(headers);
            requireColumn(columns, settings.idColumn, RejectReason.MISSING_ID, "id");
            requireColumn(columns, settings.textColumn, RejectReason.MISSING_TEXT, "text");
            boolean hasTitle = settings.titleColumn != null && columns.contains(settings.titleColumn);
            Record record;
            int recordNo = 0;
            while ((record = parser.parseNextRecord()) != null) {
                recordNo++;
                records.add(fieldRecord(file.path() + "#R" + recordNo, record.getString(settings.idColumn),
                        record.getString(settings.textColumn), hasTitle ? record.getString(settings.titleColumn) : null));
            }
        } catch (TextParsingException e) {
            records.add(SourceRecord.reject(file.path(), null, RejectReason.MALFORMED_RECORD,
                    "CSV parsing stopped after " + records.size() + " records: " + firstLine(e.getMessage())));
        } catch (IOException e) {
            throw unreadable(e);
        } finally {
            parser.stopParsing();
        }
        if (records.isEmpty()) {
            throw new RejectedInputException(RejectReason.EMPTY, "CSV file has a header but no records");
        }
        return records;
    }

    private static void requireColumn(List<String> columns, String column, RejectReason reason, String what)
            throws RejectedInputException {
        if (!columns.contains(column)) {
            throw new RejectedInputException(reason, "no " + what + " column '" + column + "' in " + columns);
        }
    }

    private List<SourceRecord> readParquet(InputFile file) throws RejectedInputException {
        List<SourceRecord> records = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(file.path()))
                .withConf(hadoopConf).build()) {
            Group group;
            int recordNo = 0;
            while ((group = reader.read()) != null) {
                recordNo++;
                GroupType schema = group.getType();
                if (recordNo == 1) {
                    requireColumn(schema.getFields().stream().map(f -> f.getName()).toList(),
                            settings.textColumn, RejectReason.MISSING_TEXT, "text");
                }
                records.add(fieldRecord(file.path() + "#R" + recordNo, field(group, settings.idColumn),
                        field(group, settings.textColumn), field(group, settings.titleColumn)));
            }
        } catch (IOException e) {
            throw new RejectedInputException(RejectReason.MALFORMED_RECORD, "not a readable Parquet file: " + firstLine(e.getMessage()));
        }
        if (records.isEmpty()) {
            throw new RejectedInputException(RejectReason.EMPTY, "Parquet file has no rows");
        }
        return records;
    }

    private static String field(Group group, String name) {
        if (name == null || !group.getType().containsField(name)) {
            return null;
        }
        int index = group.getType().getFieldIndex(name);
        return group.getFieldRepetitionCount(index) == 0 ? null : group.getValueToString(index, 0);
    }

    private RejectedInputException tooLarge(String size) {
        return new RejectedInputException(RejectReason.TOO_LARGE,
                size + " bytes, over input.max_document_bytes = " + settings.maxDocumentBytes);
    }

    private static RejectedInputException unreadable(IOException e) {
        return new RejectedInputException(RejectReason.UNREADABLE, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
