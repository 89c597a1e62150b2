package dev.corpusstats.nlp.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text of an element as lines: each block (paragraph, heading, list item, table cell, line
 * break) is a line, white space within it collapsed to single spaces. A line that is mostly link
 * text and short (a menu entry, a "read more") is left out.
 */
final class Lines {
    /** Tags that end the current line, entering and leaving. */
    static final Set<String> BREAKS = Set.of(
            "address", "article", "blockquote", "br", "center", "dd", "details", "div", "dl", "dt", "figcaption",
            "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p",
            "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul", "caption",
            "body", "html");
    /** A line whose link share is above this is kept only if it is long prose. */
    static final double MAX_LINK_SHARE = 0.5;
    static final int LONG_LINE = 150;

    private Lines() {
    }

    static List<String> of(Element root) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int[] linkChars = {0};
        int[] linkDepth = {0};
        Runnable flush = () -> {
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == ' ') {
                line.setLength(end - 1);
            }
            if (line.length() > 0) {
                double share = (double) linkChars[0] / line.length();
                if (share <= MAX_LINK_SHARE || line.length() >= LONG_LINE && share < 0.8) {
                    lines.add(line.toString());
                }
            }
            line.setLength(0);
            linkChars[0] = 0;
        };
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    int before = line.length();
                    appendCollapsed(line, t.getWholeText());
                    if (linkDepth[0] > 0) {
                        linkChars[0] += line.length() - before;
                    }
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth[0]++;
                    }
                    if (BREAKS.contains(e.normalName())) {
                        flush.run();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth[0]--;
                    }
                    if (BREAKS.contains(e.normalName())) {
                        flush.run();
                    }
                }
            }
        }, root);
        flush.run();
        return lines;
    }

    /** Appends text with runs of white space (no-break spaces included) as one space, none at a line's start. */
    static void appendCollapsed(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }
}
