package dev.corpusstats.stats.core;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A calendar period in UTC and its label, which sorts as text in time order: a {@link #DAY}
 * ({@code 2026-02-10}), an ISO 8601 {@link #WEEK}, Monday to Sunday, numbered in its week-based year
 * ({@code 2026-W07}), or a {@link #MONTH} ({@code 2026-02}).
 */
public enum TimePeriod {
    DAY("day") {
        @Override
        String label(LocalDate day) {
            return day.toString();
        }

        @Override
        public LocalDate start(String label) {
            try {
                return LocalDate.parse(label);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a day label (yyyy-MM-dd): '" + label + "'");
            }
        }

        @Override
        LocalDate after(LocalDate start) {
            return start.plusDays(1);
        }
    },
    WEEK("week") {
        @Override
        String label(LocalDate day) {
            return String.format(Locale.ROOT, "%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        @Override
        public LocalDate start(String label) {
            if (label.length() != 8 || label.charAt(4) != '-' || label.charAt(5) != 'W') {
                throw new IllegalArgumentException("not an ISO week label (yyyy-Www): '" + label + "'");
            }
            LocalDate start;
            try {
                int year = Integer.parseInt(label.substring(0, 4));
                int week = Integer.parseInt(label.substring(6));
                // week 0 or 54 is out of the field's range, which java.time reports as a DateTimeException
                start = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            } catch (NumberFormatException | DateTimeException e) {
                throw new IllegalArgumentException("not an ISO week label (yyyy-Www): '" + label + "'");
            }
            if (!label(start).equals(label)) {
                throw new IllegalArgumentException("no such ISO week: '" + label + "'");
            }
            return start;
        }

        @Override
        LocalDate after(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    MONTH("month") {
        @Override
        String label(LocalDate day) {
            return YearMonth.from(day).toString();
        }

        @Override
        public LocalDate start(String label) {
            try {
                return YearMonth.parse(label, DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT)).atDay(1);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a month label (yyyy-MM): '" + label + "'");
            }
        }

        @Override
        LocalDate after(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    private final String code;

    TimePeriod(String code) {
        this.code = code;
    }

    /** The configuration's name for it: day, week, month. */
    public String code() {
        return code;
    }

    public static TimePeriod of(String code) {
        for (TimePeriod p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no time period '" + code + "' (day, week, month)");
    }

    abstract String label(LocalDate day);

    /** The first day of the labelled period. */
    public abstract LocalDate start(String label);

    /** The first day of the period after the one starting on {@code start}. */
    abstract LocalDate after(LocalDate start);

    /** The label of the period holding the instant, in UTC. */
    public String label(Instant t) {
        return label(LocalDate.ofInstant(t, ZoneOffset.UTC));
    }

    /** The first day of the period holding the instant, in UTC. */
    public LocalDate start(Instant t) {
        return start(label(t));
    }

    /** The label of the period after the labelled one. */
    public String next(String label) {
        return label(after(start(label)));
    }

    /** Every label from {@code first} to {@code last}, both included, in order. */
    public List<String> labelsFrom(String first, String last) {
        LocalDate end = start(last);
        List<String> labels = new ArrayList<>();
        for (LocalDate d = start(first); !d.isAfter(end); d = after(d)) {
            labels.add(label(d));
        }
        return labels;
    }
}
