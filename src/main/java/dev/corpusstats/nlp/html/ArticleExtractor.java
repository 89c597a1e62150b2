package dev.corpusstats.nlp.html;

import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.util.List;
import java.util.Optional;

/**
 * Extracts a news page's main text, title, publication date, canonical URL and language from its decoded
 * HTML (see {@link HtmlCharset} for the bytes). Never throws on malformed HTML: jsoup parses any
 * input as a browser would. Time is bounded by the input size: pages longer than
 * {@link #MAX_CHARS} are cut there, the parser nests elements at most {@link #MAX_DEPTH} deep (it
 * nests deeper ones no further), and every step is one or a few iterative, linear walks. Thread-safe.
 */
public final class ArticleExtractor {
    /** Characters of HTML read; the rest of a longer page is ignored. */
    public static final int MAX_CHARS = 4_000_000;
    /** How deep the parsed tree may nest. */
    public static final int MAX_DEPTH = 256;
    /** Main text with fewer letters than this is no main text (a lone caption, a cookie notice). */
    public static final int MIN_TEXT_LETTERS = 50;
    /**
     * A pass that finds this many letters of main text is taken; a shorter result may mean its rules
     * removed the article, so the next, more lenient pass runs, and the longest result is kept.
     */
    public static final int ENOUGH_LETTERS = 500;

    /** The article in the page; {@code url} is the page's URL, or null when unknown. */
    public Article extract(String html, String url) {
        String input = html == null ? "" : html.length() > MAX_CHARS ? html.substring(0, MAX_CHARS) : html;
        String base = url == null ? "" : url;
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        Document doc = parser.parseInput(input, base);
        String title = PageMetadata.title(doc);
        String canonical = PageMetadata.canonicalUrl(doc, url);
        String language = PageMetadata.language(doc);
        Optional<PublishedDate> published = PageDates.find(doc, url);
        // Read before the passes change the tree.
        String jsonLd = String.join("\n", JsonLdBody.lines(doc));
        String text = "";
        int best = 0;
        MainText.Pass[] passes = MainText.Pass.values();
        for (int i = 0; i < passes.length; i++) {
            Document copy = i == passes.length - 1 ? doc : doc.clone();
            String candidate = String.join("\n", MainText.extract(copy, passes[i]));
            int letters = letters(candidate);
            if (letters > best) {
                text = candidate;
                best = letters;
            }
            if (best >= ENOUGH_LETTERS) {
                break;
            }
        }
        // A page that renders its article by script states it in JSON-LD only: take that when it is
        // far longer than what the markup held.
        int jsonLdLetters = letters(jsonLd);
        if (jsonLdLetters > 2 * best && jsonLdLetters >= ENOUGH_LETTERS) {
            text = jsonLd;
            best = jsonLdLetters;
        }
        if (best < MIN_TEXT_LETTERS) {
            text = "";
        }
        return new Article(text, title, published, canonical, language);
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
