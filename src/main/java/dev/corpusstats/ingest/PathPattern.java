package dev.corpusstats.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern over a text file's path relative to the input root ({@code /}-separated, whole path)
 * that names its date and facets. {@code {name}} is a facet value: one or more characters within a
 * folder or file name. {@code {date:PATTERN}} is the date, written as the {@code java.time}
 * pattern (which may span folders: {@code {date:yyyy/MM/dd}}). {@code *} is any characters within
 * a name, {@code **} any across folders; a leading {@code **}{@code /} or an inner {@code /**}{@code /}
 * may match no folder. Anything
 * else matches itself. Compiled once into one regular expression.
 */
public final class PathPattern implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String DATE = "date";
    private static final String PERIOD = "period";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /** java.time pattern letters read as words (month and day names, AM/PM, zone names). */
    private static final String TEXT_LETTERS = "EaGzZOVX";

    private final String pattern;
    private final Pattern regex;
    private final List<String> facetNames;
    private final String dateFormat;

    /** A path's date (as written, for {@link #dateFormat}) and its facet values by name, in pattern order. */
    public record Match(String date, Map<String, String> facets) {
    }

    private PathPattern(String pattern, Pattern regex, List<String> facetNames, String dateFormat) {
        this.pattern = pattern;
        this.regex = regex;
        this.facetNames = facetNames;
        this.dateFormat = dateFormat;
    }

    /** @throws IllegalArgumentException saying what is wrong with the pattern */
    public static PathPattern compile(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("an empty pattern");
        }
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        String dateFormat = null;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'{' at position " + (i + 1) + " is not closed in '" + pattern + "'");
                }
                String field = pattern.substring(i + 1, close);
                if (field.startsWith(DATE + ":")) {
                    if (dateFormat != null) {
                        throw new IllegalArgumentException("more than one {date:...} in '" + pattern + "'");
                    }
                    dateFormat = field.substring(DATE.length() + 1);
                    regex.append("(?<").append(DATE).append('>').append(dateRegex(dateFormat)).append(')');
                } else {
                    if (!NAME.matcher(field).matches()) {
                        throw new IllegalArgumentException("'{" + field + "}' is not a facet name (letters, digits, _) or {date:PATTERN}");
                    }
                    if (field.equals(DATE) || field.equals(PERIOD)) {
                        throw new IllegalArgumentException("'{" + field + "}': '" + field + "' is reserved; the date is {date:PATTERN}");
                    }
                    if (names.contains(field)) {
                        throw new IllegalArgumentException("'{" + field + "}' appears twice in '" + pattern + "'");
                    }
                    names.add(field);
                    regex.append("(?<f").append(names.size()).append(">[^/]+)");
                }
                i = close + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at position " + (i + 1) + " has no '{' in '" + pattern + "'");
            } else if (pattern.startsWith("**/", i) && i == 0) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (pattern.startsWith("/**/", i)) {
                regex.append("/(?:.*/)?");
                i += 4;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        if (dateFormat != null) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("{date:" + dateFormat + "} is not a java.time pattern: " + e.getMessage());
            }
        }
        return new PathPattern(pattern, Pattern.compile(regex.toString()), List.copyOf(names), dateFormat);
    }

    /** A regular expression for text written in a java.time pattern: digits for numeric fields, letters for names. */
    private static String dateRegex(String format) {
        if (format.isEmpty()) {
            throw new IllegalArgumentException("{date:} needs a java.time pattern, e.g. {date:yyyy-MM-dd}");
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\'') {
                int close = format.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("{date:" + format + "} has an unclosed quote");
                }
                String literal = close == i + 1 ? "'" : format.substring(i + 1, close);
                regex.append(Pattern.quote(literal));
                i = close + 1;
            } else if (Character.isLetter(c)) {
                int end = i;
                while (end < format.length() && format.charAt(end) == c) {
                    end++;
                }
                int count = end - i;
                if (TEXT_LETTERS.indexOf(c) >= 0 || ((c == 'M' || c == 'L') && count >= 3)) {
                    regex.append("[^/]+?");
                } else {
                    regex.append(count == 1 ? "[0-9]+" : "[0-9]{" + count + "}");
                }
                i = end;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    /** The path's date and facets, or empty if the pattern does not match the whole path. */
    public Optional<Match> match(String relativePath) {
        Matcher m = regex.matcher(relativePath);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> facets = new LinkedHashMap<>();
        for (int k = 0; k < facetNames.size(); k++) {
            facets.put(facetNames.get(k), m.group("f" + (k + 1)));
        }
        return Optional.of(new Match(dateFormat == null ? null : m.group(DATE), facets));
    }

    public List<String> facetNames() {
        return facetNames;
    }

    /** The {@code {date:PATTERN}}'s pattern, or null if the pattern names no date. */
    public String dateFormat() {
        return dateFormat;
    }

    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
