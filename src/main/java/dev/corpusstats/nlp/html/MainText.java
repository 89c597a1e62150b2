package dev.corpusstats.nlp.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the main text of a parsed page, readability-style: boilerplate elements are removed (by tag,
 * ARIA role, hidden state, and class or id names such as nav, footer, comment, share, related),
 * every paragraph-like block scores its parent and grandparents by its length and commas, each
 * container's score is weighted by its class and id and by the share of its text that is not link
 * text, and the best container and those of its siblings that score near it or read as prose are
 * the article. Within it, link lists and negatively named parts with little prose are dropped, and
 * paragraphs, headings, list items and table cells become lines of text.
 * <p>
 * Every walk over the tree is iterative (jsoup's {@link NodeTraversor}) and linear in its size, so
 * deep or huge pages cost time in proportion to their size and do not overflow the stack. The
 * document is modified.
 */
final class MainText {
    /** A block with fewer letters than this does not score its containers. */
    static final int MIN_BLOCK_LETTERS = 25;
    /** Siblings of the best container join it when they score at least this share of its score. */
    static final double SIBLING_SHARE = 0.2;

    /** Elements that hold no readable text, removed always. */
    private static final Set<String> CODE_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed",
            "link", "meta", "head", "audio", "video", "map", "area", "rt", "rp");
    /** Page furniture, removed unless it holds the article. */
    private static final Set<String> REMOVED_TAGS = Set.of(
            "button", "input", "select", "textarea", "option", "nav", "footer", "aside", "menu", "dialog", "figure",
            "figcaption");
    private static final Set<String> REMOVED_ROLES = Set.of(
            "navigation", "menu", "menubar", "complementary", "contentinfo", "banner", "alert", "alertdialog",
            "dialog", "search", "toolbar", "tablist");
    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "html");
    /** Elements a paragraph-like block can be: these with no block-level child. */
    private static final Set<String> SCORED_TAGS = Set.of(
            "p", "pre", "td", "blockquote", "div", "section", "article", "main", "center", "font", "dd", "span");

    /**
     * Class or id names of boilerplate removed outright, unless the element holds the article or
     * most of the page. A class or id matches when its last word, after words such as "list" or
     * "wrapper", is one of these: "comment-list" and "site-footer" do, a WordPress taxonomy class
     * such as "tag-sunset" does not.
     */
    private static final Set<String> STRONG_BOILERPLATE = Set.of(
            "comment", "comments", "commentlist", "kommentar", "kommentare", "disqus", "respond", "replies",
            "share", "sharing", "shariff", "social", "socials", "sociallinks", "related", "relatedposts", "recommended",
            "recommendations", "newsletter", "cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs",
            "outbrain", "taboola", "sidebar", "navbar", "navigation", "nav", "menu", "mainmenu", "submenu", "footer",
            "masthead", "advert", "advertisement", "ad", "ads", "adsbygoogle", "banner", "sponsor", "sponsored",
            "promo", "popup", "modal", "subscribe", "signup", "login", "paywall", "pagination", "pager", "tags",
            "taglist", "tagcloud", "toolbar", "readmore", "rating", "byline", "postmeta", "skiplink");
    /** Words that end a class or id name without changing what it names ("comment-list", "share-box"). */
    private static final Set<String> NAME_SUFFIXES = Set.of(
            "list", "links", "wrapper", "wrap", "container", "box", "area", "block", "section", "bar", "widget",
            "top", "bottom", "inner", "outer", "holder", "module", "buttons", "button", "icons", "items",
            "panel", "zone", "region", "content", "text", "title", "heading", "header", "form", "tools");
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|"
                    + "menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
                    + "ad-break|agegate|pagination|pager|popup|yom-remote", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE_CANDIDATE = Pattern.compile(
            "and|article|body|column|content|main|shadow|post|entry|story|text", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|artikel|beitrag|inhalt",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|"
                    + "media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
                    + "tags|tool|widget|teaser|byline|author|dateline|caption", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    /** Letters, link letters, commas and whether a block-level child is there, per element. */
    private static final class Counts {
        int letters;
        int linkLetters;
        int commas;
        boolean blockChild;
        /** Letters and commas within block-level children: the rest is the element's own inline text. */
        int blockLetters;
        int blockCommas;
        /** An article, main or articleBody element is this one or within it. */
        boolean holdsArticle;
    }

    /**
     * How strict a pass is. Each later pass drops a rule that can take the article away with the
     * boilerplate, as Mozilla's Readability retries: first the guess by any part of a name
     * ("sidebar" in "layout-with-sidebar-left"), then every rule by name, then the removal of link
     * lists and negatively named parts within the article.
     */
    enum Pass {
        STRICT(true, true, true), NO_UNLIKELY(false, true, true), NO_NAMES(false, false, true), LENIENT(false, false, false);

        final boolean unlikelyNames;
        final boolean names;
        final boolean dropLowProse;

        Pass(boolean unlikelyNames, boolean names, boolean dropLowProse) {
            this.unlikelyNames = unlikelyNames;
            this.names = names;
            this.dropLowProse = dropLowProse;
        }
    }

    private final Document doc;
    private final Pass pass;
    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private MainText(Document doc, Pass pass) {
        this.doc = doc;
        this.pass = pass;
    }

    /** The main text's lines by one pass, or none. */
    static List<String> extract(Document doc, Pass pass) {
        return new MainText(doc, pass).run();
    }

    private List<String> run() {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        removeBoilerplate(body);
        count(body);
        Element top = bestContainer(body);
        if (top == null) {
            return List.of();
        }
        List<Element> parts = withSiblings(top);
        List<String> lines = new ArrayList<>();
        for (Element part : parts) {
            if (pass.dropLowProse) {
                dropLowProse(part);
            }
            lines.addAll(Lines.of(part));
        }
        return lines;
    }

    private void removeBoilerplate(Element body) {
        count(body);
        int pageLetters = counts.get(body).letters;
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (e == body) {
                    return FilterResult.CONTINUE;
                }
                if (isBoilerplate(e, pageLetters)) {
                    doomed.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        for (Element e : doomed) {
            e.remove();
        }
        counts.clear();
    }

    private static boolean isArticle(Element e) {
        String tag = e.normalName();
        return tag.equals("article") || tag.equals("main") || e.attr("itemprop").equalsIgnoreCase("articleBody")
                || e.attr("role").equalsIgnoreCase("main");
    }

    private boolean isBoilerplate(Element e, int pageLetters) {
        String tag = e.normalName();
        if (CODE_TAGS.contains(tag)) {
            return true;
        }
        if (tag.equals("body") || tag.equals("html") || tag.equals("a")) {
            return false;
        }
        // A wrapper of the article or of most of the page (a header left open, a layout "with-sidebar",
        // a "content-and-comments") is not boilerplate, whatever its tag or name.
        Counts c = counts.get(e);
        boolean holdsPage = c != null && (c.holdsArticle || c.letters > 0.5 * pageLetters && pageLetters > 500);
        if (holdsPage) {
            return false;
        }
        if (REMOVED_TAGS.contains(tag)) {
            return true;
        }
        if (tag.equals("header") && e.closest("article, main") == null) {
            return true;
        }
        if (e.hasAttr("hidden") || HIDDEN_STYLE.matcher(e.attr("style")).find()
                || REMOVED_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) {
            return true;
        }
        String names = names(e);
        if (names.isEmpty() || !pass.names) {
            return false;
        }
        if (namesBoilerplate(names)) {
            return true;
        }
        return pass.unlikelyNames && UNLIKELY.matcher(names).find() && !MAYBE_CANDIDATE.matcher(names).find()
                && !tag.equals("table") && !tag.equals("code") && e.closest("table, code") == null;
    }

    /** Counts letters, link letters and commas bottom-up in one walk. */
    private void count(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    counts.put(e, new Counts());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                Node parentNode = node.parent();
                Counts parent = parentNode instanceof Element p ? counts.get(p) : null;
                if (node instanceof TextNode t) {
                    if (parent != null) {
                        String s = t.getWholeText();
                        for (int i = 0; i < s.length(); i++) {
                            char ch = s.charAt(i);
                            if (!Character.isWhitespace(ch) && ch != '\u00A0') {
                                parent.letters++;
                                if (ch == ',' || ch == '\uFF0C' || ch == '\u3001' || ch == '\u060C') {
                                    parent.commas++;
                                }
                            }
                        }
                    }
                } else if (node instanceof Element e) {
                    Counts c = counts.get(e);
                    if (e.normalName().equals("a")) {
                        c.linkLetters = c.letters;
                    }
                    if (isArticle(e)) {
                        c.holdsArticle = true;
                    }
                    if (parent != null && parentNode != root.parent()) {
                        parent.letters += c.letters;
                        parent.linkLetters += c.linkLetters;
                        parent.commas += c.commas;
                        parent.holdsArticle |= c.holdsArticle;
                        if (BLOCK_TAGS.contains(e.normalName())) {
                            parent.blockChild = true;
                            parent.blockLetters += c.letters;
                            parent.blockCommas += c.commas;
                        }
                    }
                }
            }
        }, root);
    }

    private Element bestContainer(Element body) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (!(node instanceof Element e) || !SCORED_TAGS.contains(e.normalName())) {
                    return;
                }
                Counts c = counts.get(e);
                if (c == null) {
                    return;
                }
                // Text beside block children (paragraphs split by <br> in a div with headings) is a
                // paragraph of that element, as Readability wraps such runs in <p>.
                int letters = c.blockChild ? c.letters - c.blockLetters : c.letters;
                int commas = c.blockChild ? c.commas - c.blockCommas : c.commas;
                if (letters < MIN_BLOCK_LETTERS) {
                    return;
                }
                double score = 1 + commas + Math.min(letters / 100, 3);
                Element ancestor = c.blockChild ? e : e.parent();
                for (int level = 0; ancestor != null && level < 5; level++) {
                    double[] s = scores.computeIfAbsent(ancestor, MainText.this::initialScore);
                    s[0] += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                    if (ancestor == body) {
                        break;
                    }
                    ancestor = ancestor.parent();
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        }, body);
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, double[]> entry : scores.entrySet()) {
            Element e = entry.getKey();
            double score = entry.getValue()[0] * (1 - linkDensity(e));
            entry.getValue()[0] = score;
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        this.scores = scores;
        return best == null ? null : promote(best, body);
    }

    /**
     * Readability's two corrections to the best container: an ancestor shared by at least three of
     * the five best that scores three quarters of the best holds the article split in parts; and
     * climbing from the best, a parent that scores more than the one below it (before the score
     * falls under a third) is the article's real container.
     */
    private Element promote(Element best, Element body) {
        double bestScore = scores.get(best)[0];
        List<Element> top = scores.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .limit(5).map(Map.Entry::getKey).toList();
        List<Element> alternatives = new ArrayList<>();
        for (Element e : top) {
            if (e != best && scores.get(e)[0] >= 0.75 * bestScore) {
                alternatives.add(e);
            }
        }
        if (alternatives.size() >= 2) {
            for (Element ancestor = best.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
                int within = 0;
                for (Element alt : alternatives) {
                    for (Element a = alt.parent(); a != null; a = a.parent()) {
                        if (a == ancestor) {
                            within++;
                            break;
                        }
                    }
                }
                if (within >= 2) {
                    best = ancestor;
                    break;
                }
            }
        }
        double last = scores.containsKey(best) ? scores.get(best)[0] : bestScore;
        double floor = last / 3;
        for (Element parent = best.parent(); parent != null && parent != body; parent = parent.parent()) {
            double[] s = scores.get(parent);
            if (s == null) {
                continue;
            }
            if (s[0] < floor) {
                break;
            }
            if (s[0] > last) {
                best = parent;
                break;
            }
            last = s[0];
        }
        scores.computeIfAbsent(best, e -> new double[] {bestScore});
        return best;
    }

    private Map<Element, double[]> scores = Map.of();

    private double[] initialScore(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return new double[] {s + (pass.names ? classWeight(e) : 0)};
    }

    static int classWeight(Element e) {
        int w = 0;
        for (String name : new String[] {e.className(), e.id()}) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                w += 25;
            }
        }
        return w;
    }

    private double linkDensity(Element e) {
        Counts c = counts.get(e);
        return c == null || c.letters == 0 ? 0 : (double) c.linkLetters / c.letters;
    }

    /** The best container and those siblings that score near it or read as prose, in page order. */
    private List<Element> withSiblings(Element top) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double topScore = scores.get(top)[0];
        double threshold = Math.max(10, topScore * SIBLING_SHARE);
        List<Element> parts = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                parts.add(sibling);
                continue;
            }
            double[] s = scores.get(sibling);
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            Counts c = counts.get(sibling);
            if (s != null && s[0] + bonus >= threshold) {
                parts.add(sibling);
            } else if (sibling.normalName().equals("p") && c != null) {
                double ld = linkDensity(sibling);
                String text = sibling.text();
                if ((c.letters > 80 && ld < 0.25) || (c.letters > 0 && ld == 0 && text.matches("(?s).*[.!?…]\\s*$"))) {
                    parts.add(sibling);
                }
            }
        }
        return parts;
    }

    /** Removes the parts of the article that are link lists or negatively named and hold little prose. */
    private void dropLowProse(Element part) {
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == part) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (!(tag.equals("div") || tag.equals("section") || tag.equals("ul") || tag.equals("ol")
                        || tag.equals("table") || tag.equals("form") || tag.equals("dl") || tag.equals("p"))) {
                    return FilterResult.CONTINUE;
                }
                Counts c = counts.get(e);
                if (c == null || c.commas >= 10) {
                    return FilterResult.CONTINUE;
                }
                int weight = classWeight(e);
                double ld = linkDensity(e);
                boolean list = tag.equals("ul") || tag.equals("ol");
                if (weight < 0 || (ld > 0.33 && weight < 25 && (list || c.letters < 200)) || ld > 0.5) {
                    doomed.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, part);
        for (Element e : doomed) {
            e.remove();
        }
    }

    /** Whether a class or id among the names names boilerplate (see {@link #STRONG_BOILERPLATE}). */
    static boolean namesBoilerplate(String names) {
        for (String name : names.toLowerCase(Locale.ROOT).split("\\s+")) {
            String[] words = name.split("[-_]+");
            int last = words.length - 1;
            while (last > 0 && (NAME_SUFFIXES.contains(words[last]) || words[last].matches("\\d+"))) {
                last--;
            }
            if (last >= 0 && STRONG_BOILERPLATE.contains(words[last])) {
                return true;
            }
        }
        return false;
    }

    private static String names(Element e) {
        String cls = e.className();
        String id = e.id();
        return id.isEmpty() ? cls : cls.isEmpty() ? id : cls + " " + id;
    }
}
