package dev.corpusstats.ingest;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.text.TextChecks;

/**
 * A multi-record format's record from its id, text and title fields, with the limits every
 * format shares: a doc_id of at most {@value #MAX_ID_CHARS} characters (longer is {@code
 * too_large}), a text of at most {@code input.max_document_bytes} in UTF-8, a title cut to
 * {@value #MAX_TITLE_CHARS} characters. A record as stored may be {@value #RECORD_OVERHEAD_BYTES}
 * bytes larger than the text allows (its other fields, quoting, escapes); a longer one is rejected
 * before it is parsed.
 */
final class RecordFields {
    static final long RECORD_OVERHEAD_BYTES = 1L << 20;
    static final int MAX_ID_CHARS = 1024;
    static final int MAX_TITLE_CHARS = 2000;

    private final JobConfig.Input settings;

    RecordFields(JobConfig.Input settings) {
        this.settings = settings;
    }

    JobConfig.Input settings() {
        return settings;
    }

    SourceRecord record(String source, String id, String text, String title, String encoding) {
        if (id == null || TextChecks.isBlank(id)) {
            return SourceRecord.reject(source, null, RejectReason.MISSING_ID,
                    "no value in id column '" + settings.idColumn + "'");
        }
        id = id.strip();
        if (id.length() > MAX_ID_CHARS) {
            return SourceRecord.reject(source, null, RejectReason.TOO_LARGE,
                    "a doc_id of " + id.length() + " characters, over " + MAX_ID_CHARS);
        }
        if (text == null || TextChecks.isBlank(text)) {
            return SourceRecord.reject(source, id, RejectReason.MISSING_TEXT,
                    "no text in column '" + settings.textColumn + "'");
        }
        long bytes = utf8Length(text);
        if (bytes > settings.maxDocumentBytes) {
            return SourceRecord.reject(source, id, tooLarge(bytes + " bytes"));
        }
        return SourceRecord.document(source, id, boundedTitle(title), text, encoding, bytes);
    }

    /** The most bytes a record may take as stored. */
    long recordLimit() {
        return settings.maxDocumentBytes + RECORD_OVERHEAD_BYTES;
    }

    RejectedInputException recordTooLarge(long size) {
        return new RejectedInputException(RejectReason.TOO_LARGE, "a record of " + size
                + " bytes, over input.max_document_bytes = " + settings.maxDocumentBytes + " plus "
                + RECORD_OVERHEAD_BYTES + " for its other fields; not parsed");
    }

    RejectedInputException tooLarge(String size) {
        return new RejectedInputException(RejectReason.TOO_LARGE,
                size + ", over input.max_document_bytes = " + settings.maxDocumentBytes);
    }

    static String boundedTitle(String title) {
        if (title == null || title.length() <= MAX_TITLE_CHARS) {
            return title;
        }
        int end = MAX_TITLE_CHARS;
        if (Character.isHighSurrogate(title.charAt(end - 1))) {
            end--;
        }
        return title.substring(0, end);
    }

    /** A string's length in UTF-8, without encoding it. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
