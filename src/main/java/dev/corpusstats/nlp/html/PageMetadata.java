package dev.corpusstats.nlp.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A page's title, canonical URL and declared language, from its head (and its first h1 for the title). */
final class PageMetadata {
    private PageMetadata() {
    }

    /** {@code og:title}, else the {@code <title>}, else the first {@code <h1>}; empty when none. */
    static String title(Document doc) {
        String og = metaContent(doc, "og:title");
        if (!og.isEmpty()) {
            return og;
        }
        String title = doc.title().trim();
        if (!title.isEmpty()) {
            return title;
        }
        Element h1 = doc.selectFirst("h1");
        return h1 == null ? "" : h1.text().trim();
    }

    /** {@code <link rel=canonical>}, else {@code og:url}, else the page URL; made absolute against the page URL. */
    static String canonicalUrl(Document doc, String pageUrl) {
        for (Element link : doc.select("link[rel][href]")) {
            for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                if (rel.equals("canonical")) {
                    String href = absolute(link.attr("href").trim(), pageUrl);
                    if (!href.isEmpty()) {
                        return href;
                    }
                }
            }
        }
        String og = absolute(metaContent(doc, "og:url"), pageUrl);
        if (!og.isEmpty()) {
            return og;
        }
        return pageUrl == null ? "" : pageUrl;
    }

    /** The {@code <html lang>} (or {@code xml:lang}), else a content-language meta, else {@code og:locale}; lower case, '_' as '-'. */
    static String language(Document doc) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").trim();
        if (lang.isEmpty() && html != null) {
            lang = html.attr("xml:lang").trim();
        }
        if (lang.isEmpty()) {
            for (Element meta : doc.select("meta[http-equiv][content]")) {
                if (meta.attr("http-equiv").equalsIgnoreCase("content-language")) {
                    lang = meta.attr("content").trim();
                    break;
                }
            }
        }
        if (lang.isEmpty()) {
            lang = metaContent(doc, "og:locale");
        }
        return lang.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String metaContent(Document doc, String property) {
        for (Element meta : doc.select("meta[content]")) {
            if (meta.attr("property").equalsIgnoreCase(property) || meta.attr("name").equalsIgnoreCase(property)) {
                String content = meta.attr("content").trim();
                if (!content.isEmpty()) {
                    return content;
                }
            }
        }
        return "";
    }

    /** The href resolved against the page URL; the href as it is when either does not parse; empty for none. */
    private static String absolute(String href, String pageUrl) {
        if (href.isEmpty() || pageUrl == null || pageUrl.isEmpty()) {
            return href;
        }
        try {
            return new URI(pageUrl).resolve(new URI(href.replace(" ", "%20"))).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return href;
        }
    }
}
