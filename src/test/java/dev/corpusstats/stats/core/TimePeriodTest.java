package dev.corpusstats.stats.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static dev.corpusstats.stats.core.TimePeriod.DAY;
import static dev.corpusstats.stats.core.TimePeriod.MONTH;
import static dev.corpusstats.stats.core.TimePeriod.WEEK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimePeriodTest {
    private static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    @Test
    void labelsOfAnInstant() {
        Instant t = at("2026-02-10T14:30:00Z");
        assertEquals("2026-02-10", DAY.label(t));
        assertEquals("2026-W07", WEEK.label(t));
        assertEquals("2026-02", MONTH.label(t));
    }

    @Test
    void labelsAreInUtc() {
        // 23:30 in New York on the 10th is 04:30 on the 11th in UTC
        Instant t = Instant.parse("2026-02-10T23:30:00-05:00");
        assertEquals("2026-02-11", DAY.label(t));
        assertEquals("2026-02-28", DAY.label(at("2026-02-28T23:59:59.999999999Z")));
        assertEquals("2026-03", MONTH.label(at("2026-03-01T00:00:00Z")));
        // a week runs Monday to Sunday
        assertEquals("2026-W07", WEEK.label(at("2026-02-15T23:59:59Z")));
        assertEquals("2026-W08", WEEK.label(at("2026-02-16T00:00:00Z")));
    }

    @Test
    void weeksAreNumberedInTheirWeekBasedYear() {
        assertEquals("2020-W53", WEEK.label(at("2020-12-31T12:00:00Z")));
        assertEquals("2020-W53", WEEK.label(at("2021-01-03T12:00:00Z")));
        assertEquals("2021-W01", WEEK.label(at("2021-01-04T00:00:00Z")));
        assertEquals("2025-W01", WEEK.label(at("2024-12-30T00:00:00Z")));
        assertEquals("2026-W01", WEEK.label(at("2026-01-01T00:00:00Z")));
        assertEquals("2026-W53", WEEK.label(at("2026-12-31T00:00:00Z")), "2026 begins on a Thursday: 53 weeks");
    }

    @Test
    void startOfALabel() {
        assertEquals(LocalDate.of(2026, 2, 10), DAY.start("2026-02-10"));
        assertEquals(LocalDate.of(2026, 2, 9), WEEK.start("2026-W07"));
        assertEquals(LocalDate.of(2020, 12, 28), WEEK.start("2020-W53"));
        assertEquals(LocalDate.of(2024, 12, 30), WEEK.start("2025-W01"));
        assertEquals(LocalDate.of(2021, 1, 4), WEEK.start("2021-W01"));
        assertEquals(LocalDate.of(2026, 12, 28), WEEK.start("2026-W53"));
        assertEquals(LocalDate.of(2026, 2, 1), MONTH.start("2026-02"));
        assertEquals(LocalDate.of(2024, 2, 29), DAY.start("2024-02-29"));
    }

    @Test
    void startOfAnInstant() {
        Instant t = at("2026-02-12T08:00:00Z"); // a Thursday
        assertEquals(LocalDate.of(2026, 2, 12), DAY.start(t));
        assertEquals(LocalDate.of(2026, 2, 9), WEEK.start(t));
        assertEquals(LocalDate.of(2026, 2, 1), MONTH.start(t));
        assertEquals(LocalDate.of(2020, 12, 28), WEEK.start(at("2021-01-03T23:00:00Z")));
    }

    @Test
    void nextCrossesMonthsYearsAndLeapDays() {
        assertEquals("2024-02-29", DAY.next("2024-02-28"));
        assertEquals("2024-03-01", DAY.next("2024-02-29"));
        assertEquals("2023-03-01", DAY.next("2023-02-28"));
        assertEquals("2026-01-01", DAY.next("2025-12-31"));
        assertEquals("2020-W53", WEEK.next("2020-W52"));
        assertEquals("2021-W01", WEEK.next("2020-W53"));
        assertEquals("2025-W01", WEEK.next("2024-W52"));
        assertEquals("2026-W08", WEEK.next("2026-W07"));
        assertEquals("2026-01", MONTH.next("2025-12"));
        assertEquals("2024-03", MONTH.next("2024-02"));
    }

    @Test
    void labelsFromFirstToLastAcrossYearBoundaries() {
        assertEquals(List.of("2020-W52", "2020-W53", "2021-W01", "2021-W02"), WEEK.labelsFrom("2020-W52", "2021-W02"));
        assertEquals(List.of("2024-W52", "2025-W01", "2025-W02"), WEEK.labelsFrom("2024-W52", "2025-W02"));
        assertEquals(List.of("2025-11", "2025-12", "2026-01", "2026-02"), MONTH.labelsFrom("2025-11", "2026-02"));
        assertEquals(List.of("2025-12-30", "2025-12-31", "2026-01-01"), DAY.labelsFrom("2025-12-30", "2026-01-01"));
        assertEquals(List.of("2024-02-28", "2024-02-29", "2024-03-01"), DAY.labelsFrom("2024-02-28", "2024-03-01"));
        assertEquals(List.of("2025-02-28", "2025-03-01"), DAY.labelsFrom("2025-02-28", "2025-03-01"));
        assertEquals(List.of("2026-02"), MONTH.labelsFrom("2026-02", "2026-02"));
        assertEquals(List.of(), MONTH.labelsFrom("2026-03", "2026-02"), "last before first");
        assertEquals(366, DAY.labelsFrom("2024-01-01", "2024-12-31").size());
        assertEquals(53, WEEK.labelsFrom("2026-W01", "2026-W53").size());
    }

    @Test
    void labelsSortAsTextInTimeOrder() {
        for (TimePeriod period : TimePeriod.values()) {
            List<String> labels = new ArrayList<>();
            for (LocalDate d = LocalDate.of(1999, 12, 1); d.isBefore(LocalDate.of(2027, 2, 1)); d = d.plusDays(1)) {
                String label = period.label(d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
                if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
                    labels.add(label);
                }
            }
            List<String> sorted = new ArrayList<>(labels);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, labels, period + " labels in time order are in text order");
            assertEquals(labels.size(), new java.util.HashSet<>(labels).size(), period + ": each period appears once");
            assertEquals(labels, period.labelsFrom(labels.get(0), labels.get(labels.size() - 1)));
        }
    }

    @Test
    void periodsByCode() {
        assertEquals(WEEK, TimePeriod.of("week"));
        assertEquals(DAY, TimePeriod.of("day"));
        assertEquals(MONTH, TimePeriod.of("month"));
        assertEquals("week", WEEK.code());
        for (String bad : new String[] {"Week", "WEEK", "year", "", " week"}) {
            assertThrows(IllegalArgumentException.class, () -> TimePeriod.of(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> TimePeriod.of(null));
    }

    @Test
    void badLabelsAreIllegalArguments() {
        for (String bad : new String[] {"2026-02-30", "2025-02-29", "2026-2-10", "2026-02", "2026-W07", "", "yesterday"}) {
            assertThrows(IllegalArgumentException.class, () -> DAY.start(bad), "day " + bad);
        }
        for (String bad : new String[] {"2026-W7", "2026-W00", "2026-W54", "2025-W53", "2026W07x", "2026-w07", "abcd-W07",
                "2026-Wxy", "2026-W-1", "2026-02-10", ""}) {
            assertThrows(IllegalArgumentException.class, () -> WEEK.start(bad), "week " + bad);
        }
        for (String bad : new String[] {"2026-13", "2026-00", "2026-2", "2026-02-10", "2026-W07", ""}) {
            assertThrows(IllegalArgumentException.class, () -> MONTH.start(bad), "month " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> DAY.next("2026-02-30"));
        assertThrows(IllegalArgumentException.class, () -> WEEK.labelsFrom("2026-W01", "2026-W99"));
    }
}
