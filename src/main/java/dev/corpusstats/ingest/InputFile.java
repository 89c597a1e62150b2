package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;

import java.io.Serializable;

/**
 * One entry found under the input path, as the driver listed it: a file to read, or an entry the
 * listing already rejected (a folder it could not list, a FIFO, a dangling link, ...), which is
 * never opened.
 *
 * @param path         full path or URI, as Hadoop names it
 * @param relativePath path relative to the input root (for text files, the doc_id comes from it)
 * @param length       size in bytes as listed (compressed size for .gz)
 * @param format       the file's format (never {@code AUTO}; {@code TEXT} for rejected entries)
 * @param rejectReason null for a file to read, else why the entry is a reject
 * @param rejectDetail with a reject reason: what exactly, readable
 */
public record InputFile(String path, String relativePath, long length, InputFormat format,
                        RejectReason rejectReason, String rejectDetail) implements Serializable {

    /** A file to read. */
    public static InputFile readable(String path, String relativePath, long length, InputFormat format) {
        return new InputFile(path, relativePath, length, format, null, null);
    }

    /** An entry rejected while listing. */
    public static InputFile rejected(String path, String relativePath, RejectReason reason, String detail) {
        return new InputFile(path, relativePath, 0, InputFormat.TEXT, reason, detail);
    }

    /** True for gzip-compressed files, which are decompressed on read. */
    public boolean gzipped() {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }
}
