package dev.corpusstats.nlp.eval;

import java.io.Serializable;
import java.util.List;

/**
 * One document of an annotated NER corpus: its sentences in order, each a non-empty list of tokens.
 * Documents are kept apart so that a tagger can be run on whole documents, with the same context it
 * gets on the job's input.
 */
public record GoldDocument(List<List<GoldToken>> sentences) implements Serializable {
    public GoldDocument {
        sentences = sentences.stream().map(List::copyOf).toList();
    }
}
