package dev.corpusstats.ingest;

import java.io.Serializable;
import java.time.Instant;

/**
 * A document's published date as read: the instant (UTC), or null and why ({@link #MISSING},
 * {@link #UNPARSEABLE}, {@link #OUT_OF_RANGE}) with the value read, cut to {@value #MAX_VALUE_CHARS}
 * characters, for the manifest's examples.
 */
public record Dating(Instant publishedAt, String issue, String value) implements Serializable {
    public static final String MISSING = "missing";
    public static final String UNPARSEABLE = "unparseable";
    public static final String OUT_OF_RANGE = "out_of_range";
    static final int MAX_VALUE_CHARS = 100;

    static Dating dated(Instant publishedAt) {
        return new Dating(publishedAt, null, null);
    }

    static Dating missing() {
        return new Dating(null, MISSING, null);
    }

    static Dating unparseable(String value) {
        return new Dating(null, UNPARSEABLE, shown(value));
    }

    static Dating outOfRange(String value) {
        return new Dating(null, OUT_OF_RANGE, shown(value));
    }

    public boolean isDated() {
        return publishedAt != null;
    }

    private static String shown(String value) {
        if (value == null || value.length() <= MAX_VALUE_CHARS) {
            return value;
        }
        int end = MAX_VALUE_CHARS;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }
}
