package dev.corpusstats.nlp.html;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A page's publication date as the page states it: the raw value, where it was found, the calendar
 * day as written (in the page's own time zone) and the instant (UTC; a date without a time is
 * taken at midnight UTC).
 */
public record PublishedDate(String raw, String source, LocalDate day, Instant instant) {
}
