package dev.corpusstats.nlp.html;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code articleBody} of a page's JSON-LD, as lines: pages that render their article with
 * script often state it there. Read by scanning for the key, not by a JSON parser, so that invalid JSON-LD (it
 * often is) still yields its body.
 */
final class JsonLdBody {
    private static final String KEY = "\"articleBody\"";

    private JsonLdBody() {
    }

    /** The longest articleBody's lines; none when the page has none. */
    static List<String> lines(Document doc) {
        String best = "";
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String data = script.data();
            for (int at = data.indexOf(KEY); at >= 0; at = data.indexOf(KEY, at + KEY.length())) {
                String value = stringAfter(data, at + KEY.length());
                if (value.length() > best.length()) {
                    best = value;
                }
            }
        }
        if (best.isEmpty()) {
            return List.of();
        }
        String text = unescape(best);
        if (text.indexOf('<') >= 0) { // a body written as HTML
            return Lines.of(Parser.parseBodyFragment(text, "").body());
        }
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            Lines.appendCollapsed(line, raw);
            String s = line.toString().strip();
            if (!s.isEmpty()) {
                lines.add(s);
            }
        }
        return lines;
    }

    /** The raw (still escaped) JSON string after a key's colon; empty when there is none. Scanned, not matched: bodies are long. */
    static String stringAfter(String data, int from) {
        int i = from;
        while (i < data.length() && Character.isWhitespace(data.charAt(i))) {
            i++;
        }
        if (i >= data.length() || data.charAt(i) != ':') {
            return "";
        }
        i++;
        while (i < data.length() && Character.isWhitespace(data.charAt(i))) {
            i++;
        }
        if (i >= data.length() || data.charAt(i) != '"') {
            return "";
        }
        int start = ++i;
        while (i < data.length()) {
            char c = data.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return data.substring(start, i);
            } else {
                i++;
            }
        }
        return "";
    }

    /** JSON string escapes undone; a malformed escape is kept as it is. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n', 'r' -> out.append('\n');
                case 't' -> out.append(' ');
                case 'b', 'f' -> { }
                case 'u' -> {
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                        out.append("\\u");
                    }
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }
}
