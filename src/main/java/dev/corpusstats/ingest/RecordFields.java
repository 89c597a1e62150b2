package dev.corpusstats.ingest;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.text.TextChecks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multi-record format's record from its id, text and title fields, with the limits every
 * format shares: a doc_id of at most {@value #MAX_ID_CHARS} characters (longer is {@code
 * too_large}), a text of at most {@code input.max_document_bytes} in UTF-8, a title cut to
 * {@value #MAX_TITLE_CHARS} characters. A record as stored may be {@value #RECORD_OVERHEAD_BYTES}
 * bytes larger than the text allows (its other fields, quoting, escapes); a longer one is rejected
 * before it is parsed. A record's date and facets are parsed here too: a facet value is cut to
 * {@value #MAX_FACET_VALUE_CHARS} characters, and a facet keeps its first {@value
 * #MAX_FACET_VALUES} distinct values.
 */
final class RecordFields {
    static final long RECORD_OVERHEAD_BYTES = 1L << 20;
    static final int MAX_ID_CHARS = 1024;
    static final int MAX_TITLE_CHARS = 2000;
    static final int MAX_FACET_VALUE_CHARS = 200;
    static final int MAX_FACET_VALUES = 100;

    private final JobConfig.Input settings;
    private final Instant latest;
    private final PublishedDates dates;

    /** @param latest the first instant after the dates accepted ({@link JobConfig.Input#latestInstant}) */
    RecordFields(JobConfig.Input settings, Instant latest) {
        this.settings = settings;
        this.latest = latest;
        this.dates = datesWritten(settings.dateFormat);
    }

    /** Dates written as {@code pattern} (a path pattern's {@code {date:PATTERN}}), or in the automatic formats if null. */
    PublishedDates datesWritten(String pattern) {
        return new PublishedDates(pattern, ZoneId.of(settings.timeZone), settings.earliestInstant(), latest);
    }

    JobConfig.Input settings() {
        return settings;
    }

    /**
     * @param date   the date field's value (null if absent), when {@code input.date_column} is set
     * @param facets the values of each {@code input.facet_columns} field present
     */
    SourceRecord record(String source, String id, String text, String title, String encoding, Object date,
                        Map<String, List<String>> facets) {
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
        Dating dating = settings.dateColumn == null ? null : dates.parse(date);
        return SourceRecord.document(source, id, boundedTitle(title), text, encoding, bytes, dating, facets(facets));
    }

    /** Facet values as stored: stripped, cut, blank ones dropped, each facet's first distinct ones, in column order. */
    static List<Facet> facets(Map<String, List<String>> raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        List<Facet> facets = new ArrayList<>();
        for (Map.Entry<String, List<String>> facet : raw.entrySet()) {
            Set<String> values = new LinkedHashSet<>();
            for (String value : facet.getValue()) {
                if (value != null && !TextChecks.isBlank(value) && values.size() < MAX_FACET_VALUES) {
                    String v = value.strip();
                    values.add(v.length() <= MAX_FACET_VALUE_CHARS ? v : cut(v, MAX_FACET_VALUE_CHARS));
                }
            }
            values.forEach(v -> facets.add(new Facet(facet.getKey(), v)));
        }
        return List.copyOf(facets);
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
        return title == null || title.length() <= MAX_TITLE_CHARS ? title : cut(title, MAX_TITLE_CHARS);
    }

    private static String cut(String s, int chars) {
        int end = chars;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
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
