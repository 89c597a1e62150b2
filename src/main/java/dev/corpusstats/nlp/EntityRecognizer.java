package dev.corpusstats.nlp;

import java.util.List;

/**
 * Labels the tokens of one document's sentences with entity types. Behind this interface so that
 * another engine can replace CoreNLP's CRF.
 */
public interface EntityRecognizer {
    /** The type a token outside any entity gets. */
    String OUTSIDE = "O";

    /**
     * @param sentences the document's sentences, as token words
     * @return per sentence, per token: {@code PER}, {@code ORG}, {@code LOC}, {@code MISC} or {@link #OUTSIDE};
     *         consecutive tokens of the same type form one entity
     */
    List<List<String>> label(List<List<String>> sentences);

    /** A short description for the manifest, e.g. the model file. */
    String describe();
}
