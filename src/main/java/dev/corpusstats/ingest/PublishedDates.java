package dev.corpusstats.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a published date from a field's value: a time a binary format stores as one ({@link
 * Instant}, {@link LocalDateTime}, {@link LocalDate}), a number (epoch seconds, or milliseconds from
 * {@value #EPOCH_MILLIS_FROM} up; a whole number is first read as its digits when a pattern is given), or
 * text in a {@code java.time} pattern if one is given, else
 * ISO 8601, RFC 1123/822 or digits read as a number. Times without an offset, and plain dates (their
 * start of day), are in the given zone. Dates before {@code earliest} or from {@code latest} on are
 * out of range. Never throws: every value gives a {@link Dating}.
 */
public final class PublishedDates {
    static final long EPOCH_MILLIS_FROM = 100_000_000_000L;

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");
    /** RFC 822's zone names beside RFC 1123's GMT, which java.time's RFC_1123 formatter alone knows. */
    private static final Map<String, String> RFC_822_ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[A-Za-z]{3},\\s*)?(\\d{1,2})\\s+([A-Za-z]{3})\\s+(\\d{2}|\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Za-z]{1,3}|[+-]\\d{4})?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    /** ISO 8601 date, optional time ('T' or a space), optional fraction, optional offset or zone. */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').appendZoneRegionId().appendLiteral(']').optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private final String format;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    private final Instant earliest;
    private final Instant latest;

    /**
     * @param format   a {@code java.time} pattern, or null for the automatic formats
     * @param earliest the first instant in range
     * @param latest   the first instant after the range
     */
    public PublishedDates(String format, ZoneId zone, Instant earliest, Instant latest) {
        this.format = format;
        // STRICT, so that 30/02 is unparseable rather than moved to 28/02; STRICT reads a year of
        // era (yyyy) only with an era, hence the default one. English, because the root locale's
        // full month name (MMMM) is "Feb", never "February".
        this.formatter = format == null ? null : new DateTimeFormatterBuilder()
                .appendPattern(format)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ENGLISH)
                .withChronology(java.time.chrono.IsoChronology.INSTANCE)
                .withResolverStyle(ResolverStyle.STRICT);
        this.zone = zone;
        this.earliest = earliest;
        this.latest = latest;
    }

    public String format() {
        return format;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The date a field's value gives; null, or blank text, is {@link Dating#MISSING}. */
    public Dating parse(Object raw) {
        if (raw == null) {
            return Dating.missing();
        }
        String shown = raw.toString();
        Instant instant;
        try {
            instant = toInstant(raw);
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            instant = null;
        }
        if (instant == null) {
            return shown.isBlank() ? Dating.missing() : Dating.unparseable(shown);
        }
        if (instant.isBefore(earliest) || !instant.isBefore(latest)) {
            return Dating.outOfRange(shown);
        }
        return Dating.dated(instant);
    }

    private Instant toInstant(Object raw) {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof LocalDateTime t) {
            return t.atZone(zone).toInstant();
        }
        if (raw instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        if (raw instanceof Number n && formatter != null && (n instanceof Long || n instanceof Integer
                || n instanceof java.math.BigInteger)) {
            // a date written as digits in the given pattern (20260210 for yyyyMMdd); else an epoch
            try {
                return fromParsed(formatter.parse(n.toString()));
            } catch (DateTimeParseException e) {
                return epoch(n.longValue());
            }
        }
        if (raw instanceof Number n) {
            if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) {
                double v = n.doubleValue();
                if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) > 9e18) {
                    return null;
                }
                return epoch((long) v);
            }
            if (n instanceof java.math.BigInteger b && b.bitLength() > 63) {
                return null;
            }
            return epoch(n.longValue());
        }
        String text = raw.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (formatter != null) {
            return fromParsed(formatter.parse(text));
        }
        if (DIGITS.matcher(text).matches()) {
            return epoch(Long.parseLong(text));
        }
        if (Character.isDigit(text.charAt(0)) && text.length() >= 10 && text.charAt(4) == '-') {
            try {
                return fromParsed(ISO.parse(text));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return rfc822(text);
    }

    /** Epoch seconds, or milliseconds from {@value #EPOCH_MILLIS_FROM} (in absolute value) on. */
    private static Instant epoch(long v) {
        return Math.abs(v) >= EPOCH_MILLIS_FROM ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
    }

    private Instant fromParsed(TemporalAccessor t) {
        LocalDate date = t.query(TemporalQueries.localDate());
        if (date == null) {
            return null;
        }
        java.time.LocalTime time = t.query(TemporalQueries.localTime());
        LocalDateTime local = time == null ? date.atStartOfDay() : date.atTime(time);
        java.time.ZoneOffset offset = t.query(TemporalQueries.offset());
        if (offset != null) {
            return OffsetDateTime.of(local, offset).toInstant();
        }
        ZoneId parsedZone = t.query(TemporalQueries.zone());
        return ZonedDateTime.of(local, parsedZone != null ? parsedZone : zone).toInstant();
    }

    /** RFC 1123 / RFC 822 ("Tue, 10 Feb 2026 14:30:00 GMT", "10 Feb 26 14:30 EST", "... +0100"). */
    private Instant rfc822(String text) {
        var m = RFC_822.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        String z = m.group(7);
        if (z == null) {
            return local.atZone(zone).toInstant();
        }
        String offset = z.startsWith("+") || z.startsWith("-") ? z : RFC_822_ZONES.get(z.toUpperCase(Locale.ROOT));
        if (offset == null) {
            return null;
        }
        return OffsetDateTime.of(local, java.time.ZoneOffset.of(offset)).toInstant();
    }
}
