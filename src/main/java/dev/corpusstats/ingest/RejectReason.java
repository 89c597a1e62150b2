package dev.corpusstats.ingest;

/** Why an input file or record is in the rejects table. The code is what the table stores. */
public enum RejectReason {
    /** Zero bytes, or only whitespace after decoding. */
    EMPTY("empty"),
    /** Contains NUL bytes (and no UTF-16 byte order mark): not text. */
    BINARY("binary"),
    /** Larger than input.max_document_bytes (after decompression). */
    TOO_LARGE("too_large"),
    /** The file could not be opened or read (permissions, I/O error). */
    UNREADABLE("unreadable"),
    /** A .gz file that is truncated or not gzip. */
    CORRUPT_COMPRESSION("corrupt_compression"),
    /** A JSON Lines line that is not a JSON object, a CSV or Parquet record that cannot be parsed. */
    MALFORMED_RECORD("malformed_record"),
    /** A record without a value in the id column. */
    MISSING_ID("missing_id"),
    /** A record without text, or a CSV/Parquet file without the text column. */
    MISSING_TEXT("missing_text"),
    /** Another document of this run already has this doc_id (the first by source path is kept). */
    DUPLICATE_DOC_ID("duplicate_doc_id"),
    /** A FIFO, device, socket or other entry that is neither a regular file nor a folder: never opened. */
    NOT_A_FILE("not_a_file"),
    /** A symbolic link whose target does not exist. */
    DANGLING_LINK("dangling_link"),
    /** A folder link that leads back to a folder it is inside: listing through it would never end. */
    SYMLINK_CYCLE("symlink_cycle"),
    /** A second path (through a link) to a file or folder that is already listed under another path. */
    DUPLICATE_PATH("duplicate_path"),
    /** The document was read but its analysis threw; the detail names the error. */
    ANALYSIS_FAILED("analysis_failed");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
