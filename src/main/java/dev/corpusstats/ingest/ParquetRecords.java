package dev.corpusstats.ingest;

import dev.corpusstats.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parquet: rows read one row group at a time, only the id, text, title, date and facet columns
 * (a facet a string or a list of strings; a date a timestamp, a date, a number or a string). What a file
 * says about itself is checked before it is trusted with memory: a footer over {@value
 * #MAX_FOOTER_BYTES} bytes or a schema of more than {@value #MAX_COLUMNS} columns rejects the
 * file; a row group whose read columns take more than max({@value
 * #MIN_ROW_GROUP_LIMIT}, 4 × the record limit) bytes uncompressed is rejected as one {@code
 * too_large} record (its rows named), and the next row group is read.
 */
final class ParquetRecords implements RecordStream {
    static final int MAX_FOOTER_BYTES = 16 << 20;
    static final int MAX_COLUMNS = 10_000;
    /** A row group's read columns may hold at least this much, whatever the document limit. */
    static final long MIN_ROW_GROUP_LIMIT = 512L << 20;

    /** The Julian day number of 1970-01-01, for INT96 timestamps. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    /** The most strings read from one facet column's list in a row. */
    static final int MAX_FACET_ELEMENTS = 1000;

    private final String path;
    private final RecordFields fields;
    private final ParquetFileReader reader;
    private final MessageType fileSchema;
    private final MessageType requested;
    private final Set<String> requestedNames = new HashSet<>();
    private final List<BlockMetaData> rowGroups;
    private final long rowGroupLimit;
    private int rowGroup;
    private RecordReader<Group> rows;
    private long rowsLeft;
    private long rowNo;

    ParquetRecords(String path, RecordFields fields, Configuration conf) throws IOException, RejectedInputException {
        this(path, fields, conf, Math.max(MIN_ROW_GROUP_LIMIT, 4 * fields.recordLimit()));
    }

    /** @param rowGroupLimit the most bytes a row group's read columns may take uncompressed */
    ParquetRecords(String path, RecordFields fields, Configuration conf, long rowGroupLimit)
            throws IOException, RejectedInputException {
        this.path = path;
        this.rowGroupLimit = rowGroupLimit;
        this.fields = fields;
        HadoopInputFile file = HadoopInputFile.fromPath(new Path(path), conf);
        checkFooter(file);
        this.reader = ParquetFileReader.open(file, HadoopReadOptions.builder(conf).build());
        try {
            this.fileSchema = reader.getFooter().getFileMetaData().getSchema();
            if (fileSchema.getColumns().size() > MAX_COLUMNS) {
                throw new RejectedInputException(RejectReason.MALFORMED_RECORD,
                        "a schema of " + fileSchema.getColumns().size() + " columns, over " + MAX_COLUMNS);
            }
            JobConfig.Input settings = fields.settings();
            if (!fileSchema.containsField(settings.textColumn)) {
                throw new RejectedInputException(RejectReason.MISSING_TEXT, "no text column '" + settings.textColumn
                        + "' in " + fileSchema.getFields().stream().map(Type::getName).toList());
            }
            List<Type> read = new ArrayList<>();
            for (String name : new String[] {settings.idColumn, settings.textColumn, settings.titleColumn, settings.dateColumn}) {
                if (name != null && fileSchema.containsField(name) && requestedNames.add(name)) {
                    Type type = fileSchema.getType(name);
                    if (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED)) {
                        throw new RejectedInputException(RejectReason.MALFORMED_RECORD,
                                "column '" + name + "' is not a single value: " + type);
                    }
                    read.add(type);
                }
            }
            for (String name : settings.facetColumns) { // a string, or a list of them
                if (fileSchema.containsField(name) && requestedNames.add(name)) {
                    read.add(fileSchema.getType(name));
                }
            }
            this.requested = new MessageType(fileSchema.getName(), read);
            reader.setRequestedSchema(requested);
            this.rowGroups = reader.getRowGroups();
        } catch (RejectedInputException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The footer's length, from the file's last 8 bytes, before any of it is read. */
    private static void checkFooter(HadoopInputFile file) throws IOException, RejectedInputException {
        long length = file.getLength();
        if (length < 12) {
            throw new RejectedInputException(RejectReason.MALFORMED_RECORD, "not a Parquet file: " + length + " bytes");
        }
        byte[] tail = new byte[8];
        try (SeekableInputStream in = file.newStream()) {
            in.seek(length - 8);
            in.readFully(tail);
        }
        if (!"PAR1".equals(new String(tail, 4, 4, StandardCharsets.US_ASCII))) {
            throw new RejectedInputException(RejectReason.MALFORMED_RECORD, "not a Parquet file: no PAR1 at its end");
        }
        long footer = Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (footer > MAX_FOOTER_BYTES || footer > length - 12) {
            throw new RejectedInputException(RejectReason.MALFORMED_RECORD, "a Parquet footer of " + footer
                    + " bytes in a file of " + length + " (at most " + MAX_FOOTER_BYTES + " are read)");
        }
    }

    @Override
    public SourceRecord next() throws IOException {
        while (rowsLeft == 0) {
            if (rowGroup >= rowGroups.size()) {
                return null;
            }
            BlockMetaData group = rowGroups.get(rowGroup++);
            long bytes = readBytes(group);
            if (bytes > rowGroupLimit) {
                reader.skipNextRowGroup();
                long first = rowNo + 1;
                rowNo += group.getRowCount();
                return SourceRecord.reject(path + "#G" + rowGroup, null, RejectReason.TOO_LARGE, "row group " + rowGroup
                        + " (rows " + first + "-" + rowNo + "): its columns " + requestedNames + " hold " + bytes
                        + " bytes uncompressed, over " + rowGroupLimit);
            }
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            rows = new ColumnIOFactory().getColumnIO(requested, fileSchema)
                    .getRecordReader(pages, new GroupRecordConverter(requested));
            rowsLeft = pages.getRowCount();
        }
        Group row = rows.read();
        rowsLeft--;
        rowNo++;
        JobConfig.Input settings = fields.settings();
        Map<String, List<String>> facets = new LinkedHashMap<>();
        for (String facet : settings.facetColumns) {
            if (row.getType().containsField(facet)) {
                List<String> values = new ArrayList<>();
                strings(row, row.getType().getFieldIndex(facet), values);
                facets.put(facet, values);
            }
        }
        return fields.record(path + "#R" + rowNo, value(row, settings.idColumn), value(row, settings.textColumn),
                value(row, settings.titleColumn), "UTF-8", dateValue(row, settings.dateColumn), facets);
    }

    /**
     * A date column's value as its type means it: a timestamp (INT64 with its unit; INT96) or a date
     * (INT32 DATE) as a time, another number as a number (epoch seconds or milliseconds), else text.
     */
    private static Object dateValue(Group row, String name) {
        if (name == null || !row.getType().containsField(name)) {
            return null;
        }
        int index = row.getType().getFieldIndex(name);
        if (row.getFieldRepetitionCount(index) == 0) {
            return null;
        }
        PrimitiveType type = row.getType().getType(index).asPrimitiveType();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT64: {
                long v = row.getLong(index, 0);
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    Instant t = switch (ts.getUnit()) {
                        case MILLIS -> Instant.ofEpochMilli(v);
                        case MICROS -> Instant.EPOCH.plus(v, ChronoUnit.MICROS);
                        case NANOS -> Instant.EPOCH.plusNanos(v);
                    };
                    return ts.isAdjustedToUTC() ? t : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
                }
                return v;
            }
            case INT32:
                return logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        ? LocalDate.ofEpochDay(row.getInteger(index, 0)) : (Object) (long) row.getInteger(index, 0);
            case INT96: { // nanoseconds of the day, then the Julian day, little-endian
                ByteBuffer b = row.getInt96(index, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                long nanos = b.getLong();
                int julianDay = b.getInt();
                return Instant.EPOCH.plus(julianDay - JULIAN_DAY_OF_EPOCH, ChronoUnit.DAYS).plusNanos(nanos);
            }
            case DOUBLE:
                return row.getDouble(index, 0);
            case FLOAT:
                return (double) row.getFloat(index, 0);
            default:
                return row.getValueToString(index, 0);
        }
    }

    /** Every string of a facet column: its value, or each element of its list (at most {@value #MAX_FACET_ELEMENTS}). */
    private static void strings(Group group, int index, List<String> values) {
        Type type = group.getType().getType(index);
        for (int i = 0; i < group.getFieldRepetitionCount(index) && values.size() < MAX_FACET_ELEMENTS; i++) {
            if (type.isPrimitive()) {
                values.add(group.getValueToString(index, i));
            } else {
                Group element = group.getGroup(index, i);
                for (int field = 0; field < element.getType().getFieldCount(); field++) {
                    strings(element, field, values);
                }
            }
        }
    }

    private long readBytes(BlockMetaData group) {
        long total = 0;
        for (ColumnChunkMetaData column : group.getColumns()) {
            if (requestedNames.contains(column.getPath().toArray()[0])) {
                total += column.getTotalUncompressedSize();
            }
        }
        return total;
    }

    private static String value(Group row, String name) {
        if (name == null || !row.getType().containsField(name)) {
            return null;
        }
        int index = row.getType().getFieldIndex(name);
        return row.getFieldRepetitionCount(index) == 0 ? null : row.getValueToString(index, 0);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
