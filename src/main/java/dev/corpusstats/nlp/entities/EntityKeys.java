package dev.corpusstats.nlp.entities;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Corpus-wide entity ids: {@code TYPE:key}, where the key is the canonical mention text normalized
 * so that spelling variants meet: compatibility forms folded and diacritics removed (NFKD without
 * marks: precomposed and decomposed {@code Zoë} → {@code zoe}), format characters dropped (soft
 * hyphen, joiners, bidirectional controls, byte order mark; a zero-width space separates words),
 * lower-cased, periods and apostrophes dropped ({@code U.S.} and {@code US} → {@code us}), other
 * punctuation a space, a leading "the" dropped ({@code the Taliban} → {@code taliban}). An optional
 * alias file merges known equivalents.
 */
public final class EntityKeys implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern MARKS_AND_FORMAT = Pattern.compile("[\\p{M}[\\p{Cf}&&[^\\x{200B}]]]+");
    private static final Pattern DROPPED = Pattern.compile("[.'\u2019`]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, String> aliases;

    private EntityKeys(Map<String, String> aliases) {
        this.aliases = aliases;
    }

    public static EntityKeys withoutAliases() {
        return new EntityKeys(Map.of());
    }

    /**
     * Reads an alias file: UTF-8, one {@code alias<TAB>canonical} pair per line, {@code #} comments.
     * Both sides are normalized, so "United States → U.S." also covers "the United States" and "US".
     */
    public static EntityKeys fromAliasFile(Path file) throws IOException {
        return fromAliasLines(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    public static EntityKeys fromAliasLines(List<String> lines, String source) {
        Map<String, String> aliases = new HashMap<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2 || normalize(parts[0]).isEmpty() || normalize(parts[1]).isEmpty()) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": expected 'alias<TAB>canonical'");
            }
            aliases.put(normalize(parts[0]), normalize(parts[1]));
        }
        return new EntityKeys(aliases);
    }

    /** The normalized key of a name, before aliases. */
    public static String normalize(String name) {
        String s = MARKS_AND_FORMAT.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        s = DROPPED.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        s = SEPARATORS.matcher(s).replaceAll(" ").strip();
        if (s.startsWith("the ") && s.length() > 4) {
            s = s.substring(4);
        }
        return s;
    }

    /** The entity id of a canonical name of a type. */
    public String entityId(String type, String canonicalName) {
        String key = normalize(canonicalName);
        return type + ":" + aliases.getOrDefault(key, key);
    }

    public int aliasCount() {
        return aliases.size();
    }
}
