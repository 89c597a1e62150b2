package dev.corpusstats.nlp;

import java.io.Serializable;

/**
 * How often an n-gram term occurs in one document.
 *
 * @param term  the n-gram: its words' normalized forms joined by single spaces
 * @param n     number of words, 1 to 3
 * @param count occurrences in the document
 */
public record TermCount(String term, int n, int count) implements Serializable {
}
