package dev.corpusstats.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathPatternTest {
    private static PathPattern.Match match(String pattern, String path) {
        Optional<PathPattern.Match> m = PathPattern.compile(pattern).match(path);
        assertTrue(m.isPresent(), pattern + " should match " + path);
        return m.get();
    }

    private static void assertNoMatch(String pattern, String path) {
        assertEquals(Optional.empty(), PathPattern.compile(pattern).match(path), pattern + " should not match " + path);
    }

    @Test
    void aFacetFromTheFolder() {
        PathPattern.Match m = match("{category}/*", "sport/199.txt");
        assertEquals(Map.of("category", "sport"), m.facets());
        assertNull(m.date());
        assertEquals(List.of("category"), PathPattern.compile("{category}/*").facetNames());
        assertNull(PathPattern.compile("{category}/*").dateFormat());
        // the whole path, and * stays within a name
        assertNoMatch("{category}/*", "news/sport/199.txt");
        assertNoMatch("{category}/*", "199.txt");
        assertNoMatch("{category}/*", "/199.txt");
    }

    @Test
    void aDateAcrossFolders() {
        PathPattern pattern = PathPattern.compile("{date:yyyy/MM/dd}/**");
        assertEquals("yyyy/MM/dd", pattern.dateFormat());
        assertEquals(List.of(), pattern.facetNames());
        assertEquals(new PathPattern.Match("2026/02/10", Map.of()), pattern.match("2026/02/10/story.txt").orElseThrow());
        assertEquals("2026/02/10", pattern.match("2026/02/10/wire/a/b.txt").orElseThrow().date());
        assertEquals(Optional.empty(), pattern.match("2026/2/10/story.txt"), "MM is two digits");
        assertEquals(Optional.empty(), pattern.match("2026/02/story.txt"));
        assertEquals(Optional.empty(), pattern.match("news/2026/02/10/story.txt"));
    }

    @Test
    void aSourceAndADateInTheFileName() {
        PathPattern.Match m = match("{source}/{date:yyyy-MM-dd}-*.txt", "reuters/2026-02-10-0042.txt");
        assertEquals(Map.of("source", "reuters"), m.facets());
        assertEquals("2026-02-10", m.date());
        assertEquals("2026-02-10", match("{source}/{date:yyyy-MM-dd}-*.txt", "ap/2026-02-10-.txt").date());
        assertNoMatch("{source}/{date:yyyy-MM-dd}-*.txt", "reuters/2026-02-10.txt");
        assertNoMatch("{source}/{date:yyyy-MM-dd}-*.txt", "reuters/2026-02-10-0042.json");
        assertNoMatch("{source}/{date:yyyy-MM-dd}-*.txt", "reuters/x/2026-02-10-0042.txt");
        assertNoMatch("{source}/{date:yyyy-MM-dd}-*.txt", "reuters/10-02-2026-0042.txt");
    }

    @Test
    void aLeadingOrInnerDoubleStarMayMatchNoFolder() {
        assertEquals(Map.of("section", "sport"), match("**/{section}/*", "sport/1.txt").facets());
        assertEquals(Map.of("section", "sport"), match("**/{section}/*", "bbc/2026/sport/1.txt").facets());
        assertNoMatch("**/{section}/*", "1.txt");
        // ** within the pattern spans folders
        assertEquals(Map.of("source", "bbc", "section", "tech"), match("{source}/**/{section}/*.txt", "bbc/a/b/tech/9.txt").facets());
        assertNoMatch("{source}/**/{section}/*.txt", "bbc/tech/9.json");
        // ... and, like a leading one, may match no folder
        assertEquals(Map.of("source", "bbc", "section", "tech"), match("{source}/**/{section}/*.txt", "bbc/tech/9.txt").facets());
        assertEquals("9", match("**/{id}.txt", "a/b/9.txt").facets().get("id"));
    }

    @Test
    void facetsComeInPatternOrder() {
        PathPattern pattern = PathPattern.compile("{source}/{section}/{date:yyyyMMdd}_{lang}.txt");
        assertEquals(List.of("source", "section", "lang"), pattern.facetNames());
        PathPattern.Match m = pattern.match("bbc/sport/20260210_en.txt").orElseThrow();
        assertEquals(List.of("source", "section", "lang"), List.copyOf(m.facets().keySet()));
        assertEquals(List.of("bbc", "sport", "en"), List.copyOf(m.facets().values()));
        assertEquals("20260210", m.date());
        assertNoMatch("{source}/{section}/{date:yyyyMMdd}_{lang}.txt", "bbc/sport/2026021_en.txt");
        assertNoMatch("{source}/{section}/{date:yyyyMMdd}_{lang}.txt", "bbc/sport/20260210_.txt");
    }

    @Test
    void dateNamesAndQuotedLiterals() {
        assertEquals("10 Feb 2026", match("{date:dd MMM yyyy}/*", "10 Feb 2026/a.txt").date());
        assertEquals("2026-W07", match("{date:YYYY-'W'ww}/*", "2026-W07/a.txt").date());
        assertNoMatch("{date:YYYY-'W'ww}/*", "2026-X07/a.txt");
        assertEquals("2026-02-10T09", match("{date:yyyy-MM-dd'T'HH}.txt", "2026-02-10T09.txt").date());
    }

    @Test
    void regexMetacharactersInLiteralsMatchThemselves() {
        assertEquals("a", match("{id}.txt", "a.txt").facets().get("id"));
        assertNoMatch("{id}.txt", "aXtxt");
        assertEquals("c", match("a+b/{x}", "a+b/c").facets().get("x"));
        assertNoMatch("a+b/{x}", "aab/c");
        assertEquals("y", match("(draft)/{x}", "(draft)/y").facets().get("x"));
        assertNoMatch("(draft)/{x}", "draft/y");
        assertEquals("z", match("[a]|^$?\\Q/{x}", "[a]|^$?\\Q/z").facets().get("x"));
        assertEquals("2026.02.10", match("{date:yyyy.MM.dd}+*", "2026.02.10+x").date());
        assertNoMatch("{date:yyyy.MM.dd}+*", "2026x02x10+x");
    }

    @Test
    void aFacetIsOneOrMoreCharactersWithinAName() {
        assertNoMatch("{a}/*", "/x.txt");
        assertEquals(Map.of("a", "x", "b", "y.txt"), match("{a}-{b}", "x-y.txt").facets());
        assertNoMatch("{a}-{b}", "x/z-y.txt");
    }

    @Test
    void badPatternsSayWhatIsWrong() {
        assertBad("{category/*", "'{' at position 1 is not closed");
        assertBad("a/{b}/{c", "'{' at position 7 is not closed");
        assertBad("a}/*", "'}' at position 2 has no '{'");
        assertBad("{bad name}/*", "'{bad name}' is not a facet name");
        assertBad("{}/*", "'{}' is not a facet name");
        assertBad("{1st}/*", "'{1st}' is not a facet name");
        assertBad("{date}/*", "'date' is reserved");
        assertBad("{period}/*", "'period' is reserved");
        assertBad("{a}/{a}.txt", "'{a}' appears twice");
        assertBad("{date:yyyy}/{date:MM}/*", "more than one {date:...}");
        assertBad("{date:}/*", "{date:} needs a java.time pattern");
        assertBad("{date:yyyy-bb}/*", "{date:yyyy-bb} is not a java.time pattern");
        assertBad("{date:yyyy#}/*", "{date:yyyy#} is not a java.time pattern");
        assertBad("{date:yyyy'x}/*", "unclosed quote");
        assertBad("", "an empty pattern");
        assertBad("  ", "an empty pattern");
        assertThrows(IllegalArgumentException.class, () -> PathPattern.compile(null));
    }

    private static void assertBad(String pattern, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathPattern.compile(pattern), pattern);
        assertTrue(e.getMessage().contains(says), "'" + e.getMessage() + "' should say " + says);
    }

    @Test
    void aCompiledPatternSurvivesSerialization() throws Exception {
        PathPattern pattern = PathPattern.compile("{source}/{date:yyyy-MM-dd}-*.txt");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pattern);
        }
        PathPattern copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (PathPattern) in.readObject();
        }
        assertEquals(pattern.match("ap/2026-02-10-1.txt"), copy.match("ap/2026-02-10-1.txt"));
        assertEquals("{source}/{date:yyyy-MM-dd}-*.txt", copy.pattern());
        assertEquals("{source}/{date:yyyy-MM-dd}-*.txt", copy.toString());
    }
}
