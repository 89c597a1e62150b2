package dev.corpusstats.nlp.entities;

import java.io.Serializable;

/**
 * A named entity in a sentence: tokens {@code start} (inclusive) to {@code end} (exclusive), and
 * its type ({@code PER}, {@code LOC}, ...). Two spans are the same entity exactly when they are
 * equal, which is what exact-match scoring compares.
 */
public record EntitySpan(int start, int end, String type) implements Serializable {
    public EntitySpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") has no type");
        }
    }
}
