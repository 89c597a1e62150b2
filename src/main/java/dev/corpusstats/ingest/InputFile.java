package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;

import java.io.Serializable;

/**
 * One file found under the input path, as the driver listed it.
 *
 * @param path         full path or URI, as Hadoop names it
 * @param relativePath path relative to the input root (for text files, the doc_id comes from it)
 * @param length       size in bytes as listed (compressed size for .gz)
 * @param format       the file's format (never {@code AUTO})
 * @param listingError null, or why the file or directory could not even be listed (it becomes a reject)
 */
public record InputFile(String path, String relativePath, long length, InputFormat format, String listingError)
        implements Serializable {

    /** True for gzip-compressed files, which are decompressed on read. */
    public boolean gzipped() {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }
}
