package dev.corpusstats.ingest;

import java.io.IOException;

/** One format's reader over one input file, a record at a time ({@link RecordReader} guards it). */
interface RecordStream extends AutoCloseable {
    /** The next document or reject, or null at the end of the file. */
    SourceRecord next() throws Exception;

    @Override
    void close() throws IOException;
}
