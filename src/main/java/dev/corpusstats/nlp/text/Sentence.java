package dev.corpusstats.nlp.text;

import java.io.Serializable;
import java.util.List;

/** A sentence: its 0-based index in the document and its tokens in order. */
public record Sentence(int index, List<Token> tokens) implements Serializable {
}
