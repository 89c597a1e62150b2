package dev.corpusstats.nlp.eval;

import java.io.Serializable;

/**
 * One token of an annotated (gold) NER corpus.
 *
 * @param word the token text (first column of its CoNLL line)
 * @param tag  its NER tag as written, IOB1 or IOB2 ({@code I-PER}, {@code B-ORG}, {@code O});
 *             {@link Spans#of} turns a sentence's tags into entities
 */
public record GoldToken(String word, String tag) implements Serializable {
}
