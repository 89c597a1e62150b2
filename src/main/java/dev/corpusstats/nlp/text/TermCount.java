package dev.corpusstats.nlp.text;

import java.io.Serializable;

/**
 * How often an n-gram term occurs in one document.
 *
 * @param term  the n-gram: its words' normalized forms joined by single spaces
 * @param n     number of words, 1 to 3
 * @param count occurrences in the document
 * @param tf    term frequency: count over all occurrences of the document's n-grams of the same n
 */
public record TermCount(String term, int n, int count, double tf) implements Serializable {
}
