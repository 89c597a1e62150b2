package dev.corpusstats.nlp.eval;

import dev.corpusstats.nlp.entities.EntitySpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between a sentence's IOB tags and its entity spans.
 *
 * <p>Reading follows the conlleval script, so that scores match the published ones and both tag
 * schemes work: an entity starts at {@code B-X}, or at {@code I-X} when the previous token is
 * outside an entity or in one of another type (IOB1 writes {@code B-} only between two adjacent
 * entities of one type; IOB2 writes it at every start). It ends before {@code O}, before any
 * {@code B-}, or before a tag of another type. Writing produces IOB2, which is unambiguous.
 */
public final class Spans {
    private static final String OUTSIDE = "O";

    private Spans() {
    }

    /**
     * The entities of one sentence, in order.
     *
     * @throws IllegalArgumentException for a tag other than {@code O}, {@code B-X}, {@code I-X}
     */
    public static List<EntitySpan> of(List<String> tags) {
        List<EntitySpan> spans = new ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag.equals(OUTSIDE)) {
                if (type != null) {
                    spans.add(new EntitySpan(start, i, type));
                    type = null;
                }
                continue;
            }
            if (tag.length() < 3 || tag.charAt(1) != '-' || (tag.charAt(0) != 'B' && tag.charAt(0) != 'I')) {
                throw new IllegalArgumentException("not an IOB tag at token " + i + ": " + tag);
            }
            String tagType = tag.substring(2);
            if (tag.charAt(0) == 'B' || !tagType.equals(type)) {
                if (type != null) {
                    spans.add(new EntitySpan(start, i, type));
                }
                start = i;
                type = tagType;
            }
        }
        if (type != null) {
            spans.add(new EntitySpan(start, tags.size(), type));
        }
        return spans;
    }

    /**
     * IOB2 tags for a sentence of {@code length} tokens holding {@code spans}.
     *
     * @throws IllegalArgumentException if a span overlaps another or runs past the sentence
     */
    public static List<String> toIob2(List<EntitySpan> spans, int length) {
        String[] tags = new String[length];
        Arrays.fill(tags, OUTSIDE);
        for (EntitySpan span : spans) {
            if (span.end() > length) {
                throw new IllegalArgumentException(span + " runs past a sentence of " + length + " tokens");
            }
            for (int i = span.start(); i < span.end(); i++) {
                if (!tags[i].equals(OUTSIDE)) {
                    throw new IllegalArgumentException(span + " overlaps another span at token " + i);
                }
                tags[i] = (i == span.start() ? "B-" : "I-") + span.type();
            }
        }
        return List.of(tags);
    }
}
