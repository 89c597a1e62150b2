package dev.corpusstats.nlp.html;

import java.util.Optional;

/**
 * What {@link ArticleExtractor} finds in a page. {@code text} is the main text, one paragraph,
 * heading or list item a line, empty when the page has none ({@link #hasMainText()}); {@code title}
 * is empty when the page has none; {@code canonicalUrl} is the page's own URL when it names no
 * other; {@code language} is the page's declared language tag, lower case, or empty.
 */
public record Article(String text, String title, Optional<PublishedDate> published, String canonicalUrl,
                      String language) {

    /** False for a page without main text (a front page of links, an error page, an empty shell). */
    public boolean hasMainText() {
        return !text.isEmpty();
    }
}
