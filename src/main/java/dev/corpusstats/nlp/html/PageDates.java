package dev.corpusstats.nlp.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page's publication date. The sources, most trusted first: publication metas
 * ({@code article:published_time}, {@code og:published_time}, {@code datePublished}, {@code date},
 * {@code pubdate}, Dublin Core and the like), JSON-LD {@code datePublished}, an element with
 * {@code itemprop="datePublished"}, a {@code <time datetime>} (one marked {@code pubdate}, or within
 * the article, first), a date in the URL's path, and last the page's modification metas. The first
 * value that reads as a plausible date wins.
 */
final class PageDates {
    /** Years outside this range are misreadings (ids, prices), not publication dates. */
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;

    /** Meta names and properties (lower case) that give the publication date. */
    static final List<String> PUBLISHED_METAS = List.of(
            "article:published_time", "og:published_time", "og:article:published_time", "article:published",
            "datepublished", "publish-date", "publish_date", "publishdate", "published-date", "published_date",
            "date_published", "pubdate", "pub_date", "date", "dc.date", "dc.date.issued", "dc.date.created",
            "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
            "article.published", "article_date_original", "originalpublicationdate", "release_date",
            "cxenseparse:recs:publishtime", "rnews:datepublished", "citation_publication_date",
            "citation_date", "dc.created", "created", "date.created", "article.created", "creation_date");
    /** Meta names and properties that give the last modification: used only when nothing gives publication. */
    static final List<String> MODIFIED_METAS = List.of(
            "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
            "last-modified", "lastmod");

    private static final Pattern JSON_LD_PUBLISHED = Pattern.compile("\"date(?:Published|Created)\"\\s*:\\s*\"([^\"]{6,64})\"");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern SLASHED = Pattern.compile("(?<!\\d)(\\d{4})/(\\d{1,2})/(\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final Pattern DOTTED = Pattern.compile("(?<!\\d)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}{3,10})\\.?,?\\s+(?:de\\s+)?(\\d{4})(?!\\d)");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?<!\\p{L})(\\p{L}{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/_-](\\d{1,2})[/_-](\\d{1,2})(?:[/_.-]|$)");

    /** Month names by their first three letters: English, German, French, Spanish, Italian. */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("ene", 1), Map.entry("gen", 1), Map.entry("feb", 2), Map.entry("fév", 2),
            Map.entry("fev", 2), Map.entry("mar", 3), Map.entry("mär", 3), Map.entry("apr", 4), Map.entry("avr", 4),
            Map.entry("abr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mag", 5), Map.entry("jun", 6),
            Map.entry("jui", 6), Map.entry("giu", 6), Map.entry("jul", 7), Map.entry("lug", 7), Map.entry("aug", 8),
            Map.entry("aoû", 8), Map.entry("ago", 8), Map.entry("sep", 9), Map.entry("set", 9), Map.entry("oct", 10),
            Map.entry("okt", 10), Map.entry("ott", 10), Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12),
            Map.entry("déc", 12), Map.entry("dic", 12));
    /** Class or id words of elements that show a page's date (a byline, "posted on", "entry-meta"). */
    private static final Pattern DATE_ELEMENT = Pattern.compile(
            "date|time|datum|posted|published|pubdate|entry-meta|post-meta|article-meta|byline|dateline",
            Pattern.CASE_INSENSITIVE);
    /** Elements named like a date that are read, at most; a page lists many. */
    static final int MAX_DATE_ELEMENTS = 50;
    /** Characters of the page's text searched for a written date, when nothing else gives one. */
    static final int TEXT_SCAN_CHARS = 20_000;

    private PageDates() {
    }

    /** The page's publication date, if any source gives a readable one. */
    static Optional<PublishedDate> find(Document doc, String url) {
        Optional<PublishedDate> found = fromMetas(doc, PUBLISHED_METAS);
        if (found.isPresent()) {
            return found;
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_PUBLISHED.matcher(script.data());
            while (m.find()) {
                found = parse(m.group(1), "json-ld");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        for (Element e : doc.select("[itemprop=datePublished], [itemprop=dateCreated]")) {
            found = fromElement(e, "itemprop");
            if (found.isPresent()) {
                return found;
            }
        }
        for (String query : List.of("time[pubdate]", "article time[datetime]", "time[datetime]")) {
            for (Element e : doc.select(query)) {
                found = parse(e.attr("datetime"), "time");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        int checked = 0;
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String names = e.className() + " " + e.id();
            if (names.length() > 1 && DATE_ELEMENT.matcher(names).find()) {
                found = fromElement(e, "element");
                if (found.isPresent()) {
                    return found;
                }
                if (++checked >= MAX_DATE_ELEMENTS) {
                    break;
                }
            }
        }
        if (url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                found = day(m.group(1), m.group(2), m.group(3), m.group(), "url");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        found = fromMetas(doc, MODIFIED_METAS);
        if (found.isPresent() || doc.body() == null) {
            return found;
        }
        String text = doc.body().text();
        return parse(text.length() > TEXT_SCAN_CHARS ? text.substring(0, TEXT_SCAN_CHARS) : text, "text");
    }

    private static Optional<PublishedDate> fromMetas(Document doc, List<String> names) {
        for (String name : names) {
            for (Element meta : doc.head().getElementsByTag("meta")) {
                String key = firstNonEmpty(meta.attr("property"), meta.attr("name"), meta.attr("itemprop"), meta.attr("http-equiv"));
                if (key.toLowerCase(Locale.ROOT).equals(name)) {
                    Optional<PublishedDate> d = parse(meta.attr("content"), "meta " + name);
                    if (d.isPresent()) {
                        return d;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<PublishedDate> fromElement(Element e, String source) {
        for (String attr : List.of("content", "datetime", "title")) {
            if (e.hasAttr(attr)) {
                Optional<PublishedDate> d = parse(e.attr(attr), source);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        String text = e.text();
        return text.length() <= 100 ? parse(text, source) : Optional.empty();
    }

    /** Reads a date in the common machine and human forms; empty when none is there or it is implausible. */
    static Optional<PublishedDate> parse(String raw, String source) {
        if (raw == null || raw.isBlank() || raw.length() > TEXT_SCAN_CHARS) {
            return Optional.empty();
        }
        String s = raw.trim();
        Matcher m = ISO.matcher(s);
        if (m.find()) {
            LocalDate day = date(m.group(1), m.group(2), m.group(3));
            if (day != null) {
                Instant instant = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                if (m.group(4) != null) {
                    try {
                        LocalDateTime local = day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                        instant = local.toInstant(offset(m.group(7)));
                    } catch (DateTimeException e) {
                        // an impossible time of day: keep the day
                    }
                }
                return Optional.of(new PublishedDate(raw, source, day, instant));
            }
        }
        for (Pattern p : List.of(SLASHED, COMPACT)) {
            m = p.matcher(s);
            if (m.find()) {
                Optional<PublishedDate> d = day(m.group(1), m.group(2), m.group(3), raw, source);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        m = DOTTED.matcher(s);
        if (m.find()) {
            Optional<PublishedDate> d = day(m.group(3), m.group(2), m.group(1), raw, source);
            if (d.isPresent()) {
                return d;
            }
        }
        m = DAY_MONTH_NAME.matcher(s);
        if (m.find()) {
            Integer month = month(m.group(2));
            if (month != null) {
                Optional<PublishedDate> d = day(m.group(3), month.toString(), m.group(1), raw, source);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        m = MONTH_NAME_DAY.matcher(s);
        if (m.find()) {
            Integer month = month(m.group(1));
            if (month != null) {
                return day(m.group(3), month.toString(), m.group(2), raw, source);
            }
        }
        return Optional.empty();
    }

    private static Optional<PublishedDate> day(String y, String mo, String d, String raw, String source) {
        LocalDate day = date(y, mo, d);
        return day == null ? Optional.empty()
                : Optional.of(new PublishedDate(raw, source, day, day.atStartOfDay().toInstant(ZoneOffset.UTC)));
    }

    private static LocalDate date(String y, String mo, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < MIN_YEAR || year > MAX_YEAR) {
                return null;
            }
            return LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return key.length() < 3 ? null : MONTHS.get(key.substring(0, 3));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(":", "");
        try {
            return ZoneOffset.ofHoursMinutes(Integer.parseInt(z.substring(0, 3)),
                    (z.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(z.substring(3, 5)));
        } catch (DateTimeException | NumberFormatException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
