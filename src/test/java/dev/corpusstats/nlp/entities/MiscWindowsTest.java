package dev.corpusstats.nlp.entities;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token ranges the 3-class model labels around MISC spans. */
class MiscWindowsTest {
    private static String windows(String types, int context) {
        List<int[]> windows = MiscRetyper.miscWindows(List.of(types.split(" ")), context);
        StringBuilder out = new StringBuilder();
        for (int[] w : windows) {
            out.append('[').append(w[0]).append(',').append(w[1]).append(')');
        }
        return out.toString();
    }

    @Test
    void eachMiscRunWithItsContextClippedToTheSentence() {
        assertEquals("", windows("O PER O", 4));
        assertEquals("[0,3)", windows("O MISC O", 4));
        assertEquals("[1,7)", windows("O O O MISC MISC O O O O O", 2));
    }

    @Test
    void overlappingOrTouchingWindowsMerge() {
        assertEquals("[0,7)", windows("MISC O O O MISC O O O O", 2), "[0,3) and [2,7) overlap");
        assertEquals("[0,8)", windows("MISC O O O O MISC O O O", 2), "[0,3) and [3,8) touch");
        assertEquals("[0,3)[4,8)", windows("MISC O O O O O MISC O", 2));
    }
}
