package dev.corpusstats.nlp.html;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleExtractorTest {
    private static final String URL = "https://news.example.com/2024/03/05/storm-hits-coast/";
    private static final String P1 = "The storm reached the coast early on Tuesday, flooding roads, closing schools and cutting power"
            + " to thousands of homes, officials said.";
    private static final String P2 = "Emergency crews worked through the night, clearing fallen trees, pumping water from basements"
            + " and checking on elderly residents, the mayor said.";
    private static final String P3 = "Forecasters expect calmer weather by Friday, although rivers may keep rising for days,"
            + " and residents were told to stay away from the banks.";

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static String page(String head, String body) {
        return "<!doctype html><html lang=\"en-GB\"><head><title>Storm hits coast | Example News</title>" + head
                + "</head><body>" + body + "</body></html>";
    }

    private static String article() {
        return "<article><h1>Storm hits coast</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></article>";
    }

    @Test
    void keepsTheArticleAndDropsNavigationFooterCommentsShareAndRelatedLinks() {
        String body = "<nav><ul><li><a href=/>Home</a></li><li><a href=/world>World news</a></li></ul></nav>"
                + "<div class=\"site-menu\"><a href=/sport>Sport section</a></div>"
                + "<div id=main>" + article()
                + "<div class=\"share-buttons\">Share this story on Facebook</div>"
                + "<div class=\"related-links\"><ul><li><a href=/a>Another storm story you may like</a></li>"
                + "<li><a href=/b>Ten photos of the flooding</a></li></ul></div>"
                + "<div id=comments><p>Great article, thanks for writing it, I live near the coast and saw it all.</p></div>"
                + "</div><footer>Copyright Example News, all rights reserved</footer>";
        Article a = extractor.extract(page("", body), URL);
        assertTrue(a.hasMainText());
        assertEquals("Storm hits coast\n" + P1 + "\n" + P2 + "\n" + P3, a.text());
    }

    @Test
    void collapsesWhiteSpaceAndBreaksLinesAtBlocksAndBreaks() {
        String body = "<div class=content><p>" + P1 + "</p><p>First  line\n of the   list:<br>second&nbsp;line " + P2
                + "</p><ul><li>" + P3 + "</li></ul></div>";
        Article a = extractor.extract(page("", body), URL);
        assertEquals(P1 + "\nFirst line of the list:\nsecond line " + P2 + "\n" + P3, a.text());
    }

    @Test
    void theTitleIsOpenGraphsElseTheTitleElementElseTheFirstHeading() {
        assertEquals("Storm hits the coast", extractor.extract(
                page("<meta property=\"og:title\" content=\"Storm hits the coast\">", article()), URL).title());
        assertEquals("Storm hits coast | Example News", extractor.extract(page("", article()), URL).title());
        assertEquals("Only a heading", extractor.extract("<body><h1>Only a heading</h1></body>", URL).title());
        assertEquals("", extractor.extract("<body><p>x</p></body>", URL).title());
    }

    private Optional<PublishedDate> date(String head, String body, String url) {
        return extractor.extract(page(head, body), url).published();
    }

    @Test
    void readsThePublicationDateFromEachSource() {
        String plain = "https://example.com/storm";
        PublishedDate meta = date("<meta property=\"article:published_time\" content=\"2024-03-05T07:30:00+01:00\">",
                article(), plain).orElseThrow();
        assertEquals(LocalDate.of(2024, 3, 5), meta.day());
        assertEquals(Instant.parse("2024-03-05T06:30:00Z"), meta.instant());
        assertEquals("meta article:published_time", meta.source());
        assertEquals("2024-03-05T07:30:00+01:00", meta.raw());

        assertEquals(LocalDate.of(2023, 12, 1), date("<meta name=\"date\" content=\"2023-12-01\">", article(), plain)
                .orElseThrow().day());
        assertEquals(LocalDate.of(2023, 11, 2), date("<meta name=\"pubdate\" content=\"20231102\">", article(), plain)
                .orElseThrow().day());
        assertEquals(LocalDate.of(2022, 6, 7), date("<meta itemprop=\"datePublished\" content=\"2022-06-07T10:00:00Z\">",
                article(), plain).orElseThrow().day());

        PublishedDate jsonLd = date("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\": \"2021-01-15T23:10:00-05:00\"}</script>", article(), plain).orElseThrow();
        assertEquals("json-ld", jsonLd.source());
        assertEquals(LocalDate.of(2021, 1, 15), jsonLd.day()); // the day as written, not in UTC
        assertEquals(Instant.parse("2021-01-16T04:10:00Z"), jsonLd.instant());

        PublishedDate time = date("", "<article><time datetime=\"2020-02-29T12:00\">Saturday</time><p>" + P1 + "</p></article>",
                plain).orElseThrow();
        assertEquals("time", time.source());
        assertEquals(LocalDate.of(2020, 2, 29), time.day());

        assertEquals(LocalDate.of(2024, 3, 5), date("", article(), URL).orElseThrow().day());
        assertEquals("url", date("", article(), URL).orElseThrow().source());

        assertEquals(LocalDate.of(2019, 5, 31), date("", "<div class=\"entry-meta\">Posted on 31. Mai 2019</div>" + article(),
                plain).orElseThrow().day());
        assertEquals(LocalDate.of(2018, 8, 2), date("", article() + "<p>Updated August 2, 2018</p>", plain).orElseThrow().day());

        assertFalse(date("", article(), plain).isPresent());
    }

    @Test
    void publicationMetasComeBeforeMarkupAndUnreadableValuesAreSkipped() {
        String head = "<meta property=\"article:modified_time\" content=\"2024-04-01\">"
                + "<meta name=\"date\" content=\"soon\">"
                + "<meta property=\"og:published_time\" content=\"2024-03-04\">";
        String body = "<time datetime=\"2010-01-01\"></time>" + article();
        assertEquals(LocalDate.of(2024, 3, 4), date(head, body, "https://example.com/x").orElseThrow().day());
    }

    @Test
    void theCanonicalUrlIsTheLinkElseOpenGraphElseThePageUrl() {
        assertEquals("https://news.example.com/storm", extractor.extract(page(
                "<link rel=\"canonical\" href=\"/storm\"><meta property=\"og:url\" content=\"https://og.example.com/s\">",
                article()), URL).canonicalUrl());
        assertEquals("https://og.example.com/s", extractor.extract(page(
                "<meta property=\"og:url\" content=\"https://og.example.com/s\">", article()), URL).canonicalUrl());
        assertEquals(URL, extractor.extract(page("", article()), URL).canonicalUrl());
    }

    @Test
    void theLanguageIsTheDeclaredOne() {
        assertEquals("en-gb", extractor.extract(page("", article()), URL).language());
        assertEquals("de-de", extractor.extract("<html><head><meta property=\"og:locale\" content=\"de_DE\"></head>"
                + "<body>" + article() + "</body></html>", URL).language());
        assertEquals("", extractor.extract("<body>" + article() + "</body>", URL).language());
    }

    @Test
    void aPageOfLinksOrWithoutTextHasNoMainText() {
        StringBuilder links = new StringBuilder("<ul>");
        for (int i = 0; i < 30; i++) {
            links.append("<li><a href=/s").append(i).append(">A headline of story number ").append(i).append("</a></li>");
        }
        links.append("</ul>");
        assertFalse(extractor.extract(page("", links.toString()), URL).hasMainText());
        assertFalse(extractor.extract(page("", "<div id=app></div><script>render()</script>"), URL).hasMainText());
        assertFalse(extractor.extract("", URL).hasMainText());
        assertFalse(extractor.extract(null, null).hasMainText());
        assertEquals("", extractor.extract("", null).canonicalUrl());
    }

    @Test
    void aPageRenderedByScriptGivesItsJsonLdArticleBody() {
        String text = P1 + "\n" + P2 + " \"Quoted,\" she said \u2013 twice.\n" + P3;
        String twice = text + "\n" + text; // an article long enough to be taken (ArticleExtractor.ENOUGH_LETTERS)
        String body = twice.replace("\n", "\\n\\n").replace("\"", "\\\"");
        String head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body
                + "\"}</script>";
        Article a = extractor.extract(page(head, "<div id=app>Loading...</div>"), URL);
        assertEquals(twice, a.text());
        // Where the markup holds as much of the article, the markup's text is taken (it has the heading).
        String markup = "<article><h1>Storm hits coast</h1>" + ("<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>").repeat(2)
                + "</article>";
        assertTrue(extractor.extract(page(head, markup), URL).text().startsWith("Storm hits coast\n"));
    }

    @Test
    void malformedHtmlDoesNotThrow() {
        String broken = "<html><body><div class=story><p>" + P1 + "<p>" + P2 + "</div></span></table><b><i>" + P3
                + "</b></i><div <p class=\"x>unclosed &amp &#xZZ; &nosuch;<script>if (a < b) {";
        Article a = extractor.extract(broken, "not a url");
        assertTrue(a.text().contains(P1) && a.text().contains(P2), a.text());
        assertEquals("not a url", a.canonicalUrl());
        for (String junk : new String[] {"<", "</", "<<<>>>", "<!--", "<![CDATA[", "\u0000\uFFFF", "<html><html><body><body>"}) {
            extractor.extract(junk, URL);
        }
    }

    @Test
    void deepAndHugePagesTakeBoundedTime() {
        StringBuilder deep = new StringBuilder();
        // Far deeper than the parser's limit: the extra levels become siblings, and no walk recurses.
        deep.append("<div>".repeat(20_000)).append("<p>").append(P1).append("</p>").append("</div>".repeat(20_000));
        StringBuilder huge = new StringBuilder("<body>");
        for (int i = 0; i < 2_000; i++) {
            huge.append("<div class=c").append(i % 7).append("><p>").append(P1).append("</p><a href=/x>link</a></div>");
        }
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            assertTrue(extractor.extract(deep.toString(), URL).hasMainText());
            assertTrue(extractor.extract(huge.toString(), URL).hasMainText());
        });
    }
}
