package dev.corpusstats.ingest;

import java.io.Serializable;

/**
 * What reading produced for one input file or record: a document, or a reject with its reason.
 *
 * @param source       the file's path, with {@code #L<line>} (JSON Lines) or {@code #R<record>}
 *                     (CSV, Parquet) for one record of a multi-record file
 * @param docId        the document id; null if unknown
 * @param title        title, if the format has one
 * @param text         decoded text of a document; null for a reject
 * @param encoding     the charset the text was decoded with
 * @param byteCount    size of the document's bytes (decompressed) or of its text in UTF-8
 * @param rejectReason null for a document, else a {@link RejectReason} code
 * @param rejectDetail a readable detail for a reject
 */
public record SourceRecord(String source, String docId, String title, String text, String encoding,
                           long byteCount, String rejectReason, String rejectDetail) implements Serializable {

    public static SourceRecord document(String source, String docId, String title, String text, String encoding, long byteCount) {
        return new SourceRecord(source, docId, title, text, encoding, byteCount, null, null);
    }

    public static SourceRecord reject(String source, String docId, RejectReason reason, String detail) {
        return new SourceRecord(source, docId, null, null, null, 0L, reason.code(), detail);
    }

    public static SourceRecord reject(String source, String docId, RejectedInputException e) {
        return reject(source, docId, e.reason(), e.detail());
    }

    public boolean isReject() {
        return rejectReason != null;
    }
}
