package dev.corpusstats.ingest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedDatesTest {
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Instant T = Instant.parse("2026-02-10T14:30:00Z");

    private static PublishedDates auto(String zone) {
        return new PublishedDates(null, ZoneId.of(zone), EARLIEST, LATEST);
    }

    private static PublishedDates withFormat(String format, String zone) {
        return new PublishedDates(format, ZoneId.of(zone), EARLIEST, LATEST);
    }

    private static void assertDated(Instant expected, Dating dating) {
        assertEquals(expected, dating.publishedAt(), dating.toString());
        assertTrue(dating.isDated());
        assertNull(dating.issue());
        assertNull(dating.value());
    }

    private static void assertIssue(String issue, String value, Dating dating) {
        assertNull(dating.publishedAt(), dating.toString());
        assertFalse(dating.isDated());
        assertEquals(issue, dating.issue());
        assertEquals(value, dating.value());
    }

    @Test
    void isoDatesAndDateTimes() {
        PublishedDates utc = auto("UTC");
        assertDated(T, utc.parse("2026-02-10T14:30:00Z"));
        assertDated(T, utc.parse("2026-02-10T14:30Z"));
        assertDated(T, utc.parse("2026-02-10 14:30:00Z"));
        assertDated(T, utc.parse("2026-02-10T14:30:00"));
        assertDated(T, utc.parse("2026-02-10 14:30"));
        assertDated(T, utc.parse("2026-02-10t14:30:00z"));
        assertDated(T, utc.parse("  2026-02-10T14:30:00Z  "));
        assertDated(T.plusMillis(500), utc.parse("2026-02-10T14:30:00.5Z"));
        assertDated(T.plusNanos(123_456_789), utc.parse("2026-02-10T14:30:00.123456789Z"));
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), utc.parse("2026-02-10"));
    }

    @Test
    void isoOffsetsAndZones() {
        PublishedDates utc = auto("UTC");
        assertDated(T, utc.parse("2026-02-10T15:30:00+01:00"));
        assertDated(T, utc.parse("2026-02-10 15:30:00+01:00"));
        assertDated(T, utc.parse("2026-02-10 15:30:00 +01:00"));
        assertDated(T, utc.parse("2026-02-10T15:30:00+0100"));
        assertDated(T, utc.parse("2026-02-10T09:30:00-05:00"));
        assertDated(T, utc.parse("2026-02-10T15:30:00.000+01:00"));
        // London is on GMT in February and BST (+1) in July
        assertDated(T, utc.parse("2026-02-10T14:30:00[Europe/London]"));
        assertDated(Instant.parse("2026-07-01T11:00:00Z"), utc.parse("2026-07-01T12:00:00[Europe/London]"));
        // an offset wins over the configured zone
        assertDated(T, auto("Asia/Tokyo").parse("2026-02-10T15:30:00+01:00"));
        assertDated(T, auto("Asia/Tokyo").parse("2026-02-10T14:30:00Z"));
    }

    @Test
    void timesWithoutAnOffsetArePlacedInTheZone() {
        PublishedDates newYork = auto("America/New_York");
        // EST is −5 in February, EDT −4 in July; a plain date is the zone's start of day
        assertDated(Instant.parse("2026-02-10T05:00:00Z"), newYork.parse("2026-02-10"));
        assertDated(Instant.parse("2026-02-10T19:30:00Z"), newYork.parse("2026-02-10T14:30:00"));
        assertDated(Instant.parse("2026-07-01T04:00:00Z"), newYork.parse("2026-07-01"));
        assertDated(Instant.parse("2026-07-01T16:00:00Z"), newYork.parse(LocalDateTime.of(2026, 7, 1, 12, 0)));
        assertDated(Instant.parse("2026-02-10T05:00:00Z"), newYork.parse(LocalDate.of(2026, 2, 10)));
        assertDated(Instant.parse("2026-02-10T05:00:00Z"), newYork.parse("10 Feb 2026 00:00"));
    }

    @Test
    void rfc1123AndRfc822() {
        PublishedDates utc = auto("UTC");
        assertDated(T, utc.parse("Tue, 10 Feb 2026 14:30:00 GMT"));
        assertDated(T, utc.parse("10 Feb 2026 14:30:00 UT"));
        assertDated(T, utc.parse("10 Feb 2026 14:30 Z"));
        assertDated(T, utc.parse("10 feb 2026 14:30 gmt"));
        assertDated(Instant.parse("2026-02-10T19:30:00Z"), utc.parse("10 Feb 26 14:30 EST"));
        assertDated(Instant.parse("2026-02-10T21:30:00Z"), utc.parse("Tue, 10 Feb 2026 14:30:00 PDT"));
        assertDated(Instant.parse("2026-02-10T13:30:00Z"), utc.parse("Tue, 10 Feb 2026 14:30:00 +0100"));
        assertDated(Instant.parse("2026-02-10T19:30:00Z"), utc.parse("10 Feb 2026 14:30:00 -0500"));
        assertDated(Instant.parse("2026-02-01T09:05:07Z"), utc.parse("1 Feb 2026 9:05:07 GMT"));
        // two-digit years: 00-49 are 20xx, 50-99 19xx
        assertDated(Instant.parse("1999-12-31T23:00:00Z"), utc.parse("31 Dec 99 23:00 GMT"));
        assertDated(Instant.parse("2049-01-01T00:00:00Z"), utc.parse("1 Jan 49 00:00 GMT"));
        assertDated(Instant.parse("1950-01-01T00:00:00Z"), utc.parse("1 Jan 50 00:00 GMT"));
        // no zone: the configured one
        assertDated(Instant.parse("2026-02-10T13:30:00Z"), auto("Europe/Paris").parse("Tue, 10 Feb 2026 14:30:00"));
        assertIssue(Dating.UNPARSEABLE, "10 Feb 2026 14:30 XYZ", utc.parse("10 Feb 2026 14:30 XYZ"));
        assertIssue(Dating.UNPARSEABLE, "10 Fbr 2026 14:30 GMT", utc.parse("10 Fbr 2026 14:30 GMT"));
        assertIssue(Dating.UNPARSEABLE, "30 Feb 2026 14:30 GMT", utc.parse("30 Feb 2026 14:30 GMT"));
        assertIssue(Dating.UNPARSEABLE, "10 Feb 2026 25:30 GMT", utc.parse("10 Feb 2026 25:30 GMT"));
    }

    @Test
    void epochSecondsAndMilliseconds() {
        PublishedDates utc = auto("UTC");
        long seconds = T.getEpochSecond();
        long millis = T.toEpochMilli();
        assertDated(T, utc.parse(seconds));
        assertDated(T, utc.parse((int) seconds));
        assertDated(T, utc.parse((double) seconds));
        assertDated(T, utc.parse(millis));
        assertDated(T, utc.parse((double) millis));
        assertDated(T, utc.parse(BigInteger.valueOf(seconds)));
        assertDated(T, utc.parse(BigDecimal.valueOf(seconds)));
        assertDated(T, utc.parse(Long.toString(seconds)));
        assertDated(T, utc.parse(Long.toString(millis)));
        assertDated(T, utc.parse(" " + millis + " "));
        // 100,000,000,000 and up is milliseconds: just below it is seconds in the year 5138
        PublishedDates wide = new PublishedDates(null, ZoneOffset.UTC, EARLIEST, Instant.parse("6000-01-01T00:00:00Z"));
        assertDated(Instant.ofEpochSecond(99_999_999_999L), wide.parse(99_999_999_999L));
        assertEquals(5138, wide.parse(99_999_999_999L).publishedAt().atOffset(ZoneOffset.UTC).getYear());
        assertDated(Instant.parse("1973-03-03T09:46:40Z"), wide.parse(100_000_000_000L));
        assertDated(Instant.parse("1973-03-03T09:46:40Z"), wide.parse("100000000000"));
        // before 1970
        assertDated(Instant.parse("1969-12-31T23:59:00Z"), utc.parse(-60));
        assertDated(Instant.parse("1969-12-31T23:59:00Z"), utc.parse("-60"));
    }

    @Test
    void javaTimeValuesAreReadAsWhatTheyAre() {
        PublishedDates paris = auto("Europe/Paris");
        assertDated(T, paris.parse(T));
        assertDated(T, paris.parse(LocalDateTime.of(2026, 2, 10, 15, 30)));
        assertDated(Instant.parse("2026-02-09T23:00:00Z"), paris.parse(LocalDate.of(2026, 2, 10)));
    }

    @Test
    void aCustomFormat() {
        PublishedDates european = withFormat("dd/MM/yyyy HH:mm", "America/New_York");
        assertDated(Instant.parse("2026-02-10T19:30:00Z"), european.parse("10/02/2026 14:30"));
        assertDated(Instant.parse("2026-02-10T19:30:00Z"), european.parse(" 10/02/2026 14:30 "));
        assertIssue(Dating.UNPARSEABLE, "2026-02-10T14:30:00Z", european.parse("2026-02-10T14:30:00Z"));
        assertIssue(Dating.UNPARSEABLE, "10/02/2026", european.parse("10/02/2026"));
        assertEquals("dd/MM/yyyy HH:mm", european.format());
        assertEquals(ZoneId.of("America/New_York"), european.zone());

        PublishedDates compact = withFormat("yyyyMMdd", "UTC");
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), compact.parse("20260210"));
        assertDated(Instant.parse("2024-02-29T00:00:00Z"), compact.parse("20240229"));
        assertIssue(Dating.UNPARSEABLE, "2026021", compact.parse("2026021"));
        assertIssue(Dating.UNPARSEABLE, "20261310", compact.parse("20261310"));
        // a whole number is read in the format first (a JSON or Parquet number), else as an epoch
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), compact.parse(20260210L));
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), compact.parse(20260210));
        assertDated(T, compact.parse(T.getEpochSecond()));

        // a time the format has no date for gives nothing to place it on
        assertIssue(Dating.UNPARSEABLE, "14:30", withFormat("HH:mm", "UTC").parse("14:30"));
        // java.time values and numbers need no format
        assertDated(T, european.parse(T));
        assertDated(T, european.parse(T.getEpochSecond()));
    }

    @Test
    void aCustomFormatRejectsDaysThatDoNotExist() {
        // not moved to the end of the month: 30/02 is a mistake in the data, not 28/02
        assertIssue(Dating.UNPARSEABLE, "30/02/2026 10:00", withFormat("dd/MM/yyyy HH:mm", "UTC").parse("30/02/2026 10:00"));
        assertIssue(Dating.UNPARSEABLE, "31/04/2026", withFormat("dd/MM/yyyy", "UTC").parse("31/04/2026"));
        assertIssue(Dating.UNPARSEABLE, "20250229", withFormat("yyyyMMdd", "UTC").parse("20250229"));
        assertDated(Instant.parse("2026-02-28T10:00:00Z"), withFormat("dd/MM/yyyy HH:mm", "UTC").parse("28/02/2026 10:00"));
        // two-digit years and month names still read
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), withFormat("dd.MM.yy", "UTC").parse("10.02.26"));
        // month and day names are English
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), withFormat("d MMMM uuuu", "UTC").parse("10 February 2026"));
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), withFormat("d MMM yyyy", "UTC").parse("10 Feb 2026"));
        assertDated(Instant.parse("2026-02-10T00:00:00Z"), withFormat("EEEE d MMMM yyyy", "UTC").parse("Tuesday 10 February 2026"));
        assertIssue(Dating.UNPARSEABLE, "Monday 10 February 2026",
                withFormat("EEEE d MMMM yyyy", "UTC").parse("Monday 10 February 2026"), "10 February 2026 is a Tuesday");
        assertDated(Instant.parse("2026-02-10T14:30:00Z"), withFormat("yyyy-MM-dd hh:mm a", "UTC").parse("2026-02-10 02:30 PM"));
    }

    @Test
    void blankIsMissing() {
        PublishedDates utc = auto("UTC");
        assertIssue(Dating.MISSING, null, utc.parse(null));
        assertIssue(Dating.MISSING, null, utc.parse(""));
        assertIssue(Dating.MISSING, null, utc.parse("   "));
        assertIssue(Dating.MISSING, null, utc.parse("\t\n"));
        assertIssue(Dating.MISSING, null, withFormat("yyyyMMdd", "UTC").parse(" "));
    }

    @Test
    void whatCannotBeReadIsUnparseable() {
        PublishedDates utc = auto("UTC");
        for (String bad : new String[] {"garbage", "2026-02-30", "2026-13-01", "2026-02-10T24:30:00", "2026-02-10T14:30:00+25:00",
                "2026-02-10T14:30:00[Nowhere/Such]", "2026/02/10", "10.5", "yesterday", "2026-02-10 and more", "99999999999999999999"}) {
            assertIssue(Dating.UNPARSEABLE, bad, utc.parse(bad));
        }
        assertIssue(Dating.UNPARSEABLE, "NaN", utc.parse(Double.NaN));
        assertIssue(Dating.UNPARSEABLE, "Infinity", utc.parse(Double.POSITIVE_INFINITY));
        assertIssue(Dating.UNPARSEABLE, "1.5", utc.parse(1.5));
        assertIssue(Dating.UNPARSEABLE, "1.5", utc.parse(new BigDecimal("1.5")));
        assertIssue(Dating.UNPARSEABLE, "1.0E19", utc.parse(1e19));
        assertIssue(Dating.UNPARSEABLE, "true", utc.parse(Boolean.TRUE));
        assertIssue(Dating.UNPARSEABLE, "99999999999999999999", utc.parse(new BigInteger("99999999999999999999")));
        assertIssue(Dating.UNPARSEABLE, Long.toString(Long.MIN_VALUE), utc.parse(Long.MIN_VALUE));
    }

    @Test
    void datesOutsideTheRangeAreOutOfRange() {
        PublishedDates dates = new PublishedDates(null, ZoneOffset.UTC,
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        assertIssue(Dating.OUT_OF_RANGE, "1999-12-31T23:59:59Z", dates.parse("1999-12-31T23:59:59Z"));
        assertDated(Instant.parse("2000-01-01T00:00:00Z"), dates.parse("2000-01-01"));
        assertDated(Instant.parse("2029-12-31T23:59:59.999Z"), dates.parse("2029-12-31T23:59:59.999Z"));
        assertIssue(Dating.OUT_OF_RANGE, "2030-01-01", dates.parse("2030-01-01"), "the latest instant is excluded");
        assertIssue(Dating.OUT_OF_RANGE, "0", dates.parse(0));
        assertIssue(Dating.OUT_OF_RANGE, "0", dates.parse(0L));
        assertIssue(Dating.OUT_OF_RANGE, "20260210", dates.parse("20260210"), "digits without a format are epoch seconds (1970)");
        assertIssue(Dating.OUT_OF_RANGE, "1999-12-31", dates.parse(LocalDate.of(1999, 12, 31)));
        assertIssue(Dating.OUT_OF_RANGE, "2030-01-01T00:00:00Z", dates.parse(Instant.parse("2030-01-01T00:00:00Z")));
        // a zone moves a plain date across the edge: 2000-01-01 in New York starts at 05:00 UTC
        assertDated(Instant.parse("2000-01-01T05:00:00Z"), new PublishedDates(null, ZoneId.of("America/New_York"),
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")).parse("2000-01-01"));
        assertIssue(Dating.OUT_OF_RANGE, "2000-01-01", new PublishedDates(null, ZoneId.of("Asia/Tokyo"),
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")).parse("2000-01-01"));
    }

    private static void assertIssue(String issue, String value, Dating dating, String why) {
        assertNull(dating.publishedAt(), why);
        assertEquals(issue, dating.issue(), why);
        assertEquals(value, dating.value(), why);
    }

    @Test
    void theValueShownIsCutTo100Characters() {
        PublishedDates utc = auto("UTC");
        String longGarbage = "x".repeat(150);
        Dating cut = utc.parse(longGarbage);
        assertEquals(Dating.UNPARSEABLE, cut.issue());
        assertEquals(Dating.MAX_VALUE_CHARS, cut.value().length());
        assertEquals("x".repeat(100), cut.value());
        assertEquals("y".repeat(100), utc.parse("y".repeat(100)).value(), "exactly 100 is kept whole");
        // a character outside the BMP across the cut is not split in half
        String emoji = "x".repeat(99) + "\uD83D\uDE00" + "tail";
        assertEquals("x".repeat(99), utc.parse(emoji).value());
    }
}
