package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;
import dev.corpusstats.config.JobConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one input file into documents and rejects, whatever its format, as a stream: records are
 * produced one at a time, so memory for reading is bounded by the largest record allowed, never by
 * the file. It never throws for bad input, not even an {@link Error}: every file yields at least
 * one record, a document or a reject with its reason, and a failure part way through a file ends
 * that file with a reject saying how many records came before it. The limits every format shares
 * are {@link RecordFields}'. Runs on executors.
 */
public final class RecordReader {
    private final JobConfig.Input settings;
    private final RecordFields fields;
    private final Configuration hadoopConf;
    private final PathPattern pathPattern;
    private final PublishedDates pathDates;

    /** Dates are accepted up to the default {@code input.latest_date} as of now. */
    public RecordReader(JobConfig.Input settings, Configuration hadoopConf) {
        this(settings, hadoopConf, settings.latestInstant(Instant.now()));
    }

    /** @param latest the first instant after the dates accepted ({@link JobConfig.Input#latestInstant}) */
    public RecordReader(JobConfig.Input settings, Configuration hadoopConf, Instant latest) {
        this.settings = settings;
        this.fields = new RecordFields(settings, latest);
        this.hadoopConf = hadoopConf;
        this.pathPattern = settings.pathPattern == null ? null : PathPattern.compile(settings.pathPattern);
        this.pathDates = pathPattern == null || pathPattern.dateFormat() == null ? null
                : fields.datesWritten(pathPattern.dateFormat());
    }

    /** The file's records, read as they are consumed; the stream is closed at its end. */
    public Iterator<SourceRecord> read(InputFile file) {
        return new GuardedRecords(file);
    }

    /** All of a file's records at once, for tests and small inputs. */
    public List<SourceRecord> readAll(InputFile file) {
        List<SourceRecord> records = new ArrayList<>();
        read(file).forEachRemaining(records::add);
        return records;
    }

    /**
     * Turns whatever a format's reader throws into a reject of the file and ends it there, and an
     * empty result into an {@code empty} reject.
     */
    private final class GuardedRecords implements Iterator<SourceRecord> {
        private final InputFile file;
        private RecordStream stream;
        private SourceRecord pending;
        private boolean done;
        private long produced;

        GuardedRecords(InputFile file) {
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            if (pending == null && !done) {
                advance();
            }
            return pending != null;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceRecord r = pending;
            pending = null;
            produced++;
            return r;
        }

        private void advance() {
            try {
                if (stream == null) {
                    if (file.rejectReason() != null) { // rejected by the listing: never opened
                        done = true;
                        pending = SourceRecord.reject(file.path(), null, file.rejectReason(), file.rejectDetail());
                        return;
                    }
                    stream = open(file);
                }
                pending = stream.next();
                if (pending == null) {
                    finish();
                    if (produced == 0) {
                        pending = reject(new RejectedInputException(RejectReason.EMPTY, emptyDetail(file.format())));
                    }
                }
            } catch (Throwable t) {
                if (t instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    throw sneaky(t); // the task is being cancelled: let Spark see it
                }
                finish();
                pending = reject(asReject(t));
            }
        }

        private SourceRecord reject(RejectedInputException e) {
            String docId = file.format() == InputFormat.TEXT ? DocIds.fromRelativePath(file.relativePath()) : null;
            String detail = produced == 0 ? e.detail() : "after " + produced + " records: " + e.detail();
            return SourceRecord.reject(file.path(), docId, e.reason(), detail);
        }

        private void finish() {
            done = true;
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException | RuntimeException ignored) {
                    // the records are read; a failing close loses nothing
                }
            }
        }
    }

    private static String emptyDetail(InputFormat format) {
        return switch (format) {
            case JSONL -> "no JSON Lines records";
            case CSV -> "CSV file has a header but no records";
            case PARQUET -> "Parquet file has no rows";
            default -> "no records";
        };
    }

    /** The reject a reader's failure becomes. */
    static RejectedInputException asReject(Throwable t) {
        if (t instanceof RejectedInputException r) {
            return r;
        }
        if (t instanceof ZipException || t instanceof EOFException) {
            return new RejectedInputException(RejectReason.CORRUPT_COMPRESSION, "gzip stream is truncated or corrupt: " + describe(t));
        }
        if (t instanceof OutOfMemoryError) {
            return new RejectedInputException(RejectReason.TOO_LARGE, "reading it needed more memory than the task has: " + describe(t));
        }
        if (t instanceof StackOverflowError) {
            return new RejectedInputException(RejectReason.MALFORMED_RECORD, "nested too deeply to read: StackOverflowError");
        }
        return new RejectedInputException(RejectReason.UNREADABLE, describe(t));
    }

    private RecordStream open(InputFile file) throws IOException, RejectedInputException {
        return switch (file.format()) {
            case TEXT -> new TextStream(file);
            case JSONL -> new JsonLinesRecords(file.path(), openStream(file), fields);
            case CSV -> new CsvRecords(file.path(), () -> openStream(file), fields);
            case PARQUET -> parquet(file);
            case AUTO -> throw new IllegalArgumentException("a listed file has a format, never auto: " + file.path());
        };
    }

    private RecordStream parquet(InputFile file) throws RejectedInputException {
        if (file.gzipped()) { // Parquet is read in place, by offsets; it compresses its own pages
            throw new RejectedInputException(RejectReason.UNREADABLE,
                    "a gzip-compressed Parquet file cannot be read in place: store it uncompressed (its pages are compressed already)");
        }
        try {
            return new ParquetRecords(file.path(), fields, hadoopConf);
        } catch (IOException | RuntimeException e) {
            throw new RejectedInputException(RejectReason.MALFORMED_RECORD, "not a readable Parquet file: " + describe(e));
        }
    }

    /** One document per file: its bytes, read up to the limit, decoded. */
    private final class TextStream implements RecordStream {
        private final InputFile file;
        private boolean read;

        TextStream(InputFile file) {
            this.file = file;
        }

        @Override
        public SourceRecord next() throws Exception {
            if (read) {
                return null;
            }
            read = true;
            if (!file.gzipped() && file.length() > settings.maxDocumentBytes) {
                throw fields.tooLarge(file.length() + " bytes");
            }
            byte[] bytes;
            try (InputStream in = openStream(file)) {
                bytes = in.readNBytes((int) settings.maxDocumentBytes + 1);
            }
            if (bytes.length > settings.maxDocumentBytes) {
                throw fields.tooLarge("more than " + settings.maxDocumentBytes + " bytes");
            }
            DecodedText decoded = new TextDecoder().decode(bytes);
            Optional<PathPattern.Match> match = pathPattern == null ? Optional.empty() : pathPattern.match(relative(file));
            Dating dating = pathDates == null ? null : pathDates.parse(match.map(PathPattern.Match::date).orElse(null));
            List<Facet> facets = match.map(m -> RecordFields.facets(m.facets().entrySet().stream().collect(
                    LinkedHashMap<String, List<String>>::new, (map, e) -> map.put(e.getKey(), List.of(e.getValue())), Map::putAll)))
                    .orElse(List.of());
            return SourceRecord.document(file.path(), DocIds.fromRelativePath(file.relativePath()), null,
                    decoded.text(), decoded.encoding(), bytes.length, dating, facets);
        }

        @Override
        public void close() {
        }
    }

    /** The path relative to the input root as a path pattern sees it: '/'-separated. */
    private static String relative(InputFile file) {
        return file.relativePath().replace('\\', '/');
    }

    InputStream openStream(InputFile file) throws IOException {
        Path path = new Path(file.path());
        InputStream in = path.getFileSystem(hadoopConf).open(path);
        try {
            return file.gzipped() ? new GZIPInputStream(in, 64 * 1024) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    static String describe(Throwable t) {
        String message = firstLine(t.getMessage());
        return message.isEmpty() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
