package dev.corpusstats.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

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
 * @param dating       the document's publication date, or why it has none; null when the input names no date
 * @param facets       the document's facet values, in input order
 * @param rejectReason null for a document, else a {@link RejectReason} code
 * @param rejectDetail a readable detail for a reject
 */
public record SourceRecord(String source, String docId, String title, String text, String encoding,
                           long byteCount, Dating dating, List<Facet> facets, String rejectReason,
                           String rejectDetail) implements Serializable {

    public static SourceRecord document(String source, String docId, String title, String text, String encoding, long byteCount) {
        return document(source, docId, title, text, encoding, byteCount, null, List.of());
    }

    public static SourceRecord document(String source, String docId, String title, String text, String encoding,
                                        long byteCount, Dating dating, List<Facet> facets) {
        return new SourceRecord(source, docId, title, text, encoding, byteCount, dating, facets, null, null);
    }

    public static SourceRecord reject(String source, String docId, RejectReason reason, String detail) {
        return new SourceRecord(source, docId, null, null, null, 0L, null, List.of(), reason.code(), detail);
    }

    public static SourceRecord reject(String source, String docId, RejectedInputException e) {
        return reject(source, docId, e.reason(), e.detail());
    }

    public boolean isReject() {
        return rejectReason != null;
    }

    /** The publication date, if the document has one in range. */
    public Instant publishedAt() {
        return dating == null ? null : dating.publishedAt();
    }
}
