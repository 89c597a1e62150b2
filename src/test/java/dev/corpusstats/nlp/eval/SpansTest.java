package dev.corpusstats.nlp.eval;

import dev.corpusstats.nlp.entities.EntitySpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpansTest {

    private static List<EntitySpan> spans(String tags) {
        return Spans.of(List.of(tags.split(" ")));
    }

    @Test
    void iob1AndIob2GiveTheSameSpans() {
        List<EntitySpan> expected = List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(3, 4, "LOC"),
                new EntitySpan(4, 5, "LOC"), new EntitySpan(5, 6, "ORG"));
        assertEquals(expected, spans("I-PER I-PER O I-LOC B-LOC I-ORG"));
        assertEquals(expected, spans("B-PER I-PER O B-LOC B-LOC B-ORG"));
    }

    @Test
    void adjacentEntitiesOfOneTypeAreTwo() {
        List<EntitySpan> two = List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(2, 3, "PER"));
        assertEquals(two, spans("I-PER I-PER B-PER"));
        assertEquals(List.of(new EntitySpan(0, 1, "PER"), new EntitySpan(1, 2, "PER")), spans("B-PER B-PER"));
    }

    @Test
    void typeChangeMidRunSplits() {
        assertEquals(List.of(new EntitySpan(0, 2, "ORG"), new EntitySpan(2, 3, "LOC")), spans("I-ORG I-ORG I-LOC"));
        assertEquals(List.of(new EntitySpan(0, 1, "ORG"), new EntitySpan(1, 2, "LOC")), spans("B-ORG I-LOC"));
    }

    @Test
    void insideTagAfterOutsideStartsAnEntity() {
        assertEquals(List.of(new EntitySpan(1, 3, "MISC")), spans("O I-MISC I-MISC O"));
        assertEquals(List.of(new EntitySpan(0, 1, "MISC")), spans("I-MISC"));
    }

    @Test
    void allOutsideHasNoEntities() {
        assertEquals(List.of(), spans("O O O"));
        assertEquals(List.of(), Spans.of(List.of()));
    }

    @Test
    void toIob2WritesBeginAtEveryEntityAndReadsBack() {
        List<EntitySpan> spans = spans("I-PER I-PER B-PER O I-LOC");
        List<String> tags = Spans.toIob2(spans, 5);
        assertEquals(List.of("B-PER", "I-PER", "B-PER", "O", "B-LOC"), tags);
        assertEquals(spans, Spans.of(tags));
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> spans("O PER"));
        assertThrows(IllegalArgumentException.class, () -> spans("B-"));
        assertThrows(IllegalArgumentException.class,
                () -> Spans.toIob2(List.of(new EntitySpan(0, 2, "PER"), new EntitySpan(1, 3, "LOC")), 3));
        assertThrows(IllegalArgumentException.class, () -> Spans.toIob2(List.of(new EntitySpan(0, 2, "PER")), 1));
    }
}
