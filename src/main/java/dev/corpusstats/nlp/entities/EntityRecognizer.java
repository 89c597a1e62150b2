package dev.corpusstats.nlp.entities;

import java.util.List;

/**
 * Labels the tokens of one document's sentences with entity types. Behind this interface so that
 * another engine can replace CoreNLP's CRF ({@code nlp.EntityEngines} chooses the engine).
 */
public interface EntityRecognizer {
    /** The label of a token outside any entity. */
    String OUTSIDE = "O";
    String PERSON = "PER";
    String ORGANIZATION = "ORG";
    String LOCATION = "LOC";
    String MISC = "MISC";
    /** Every entity type a recognizer gives, in the order reports list them. */
    List<String> TYPES = List.of(PERSON, ORGANIZATION, LOCATION, MISC);

    /**
     * @param sentences the document's sentences, as token words
     * @return per sentence, per token: one of {@link #TYPES} or {@link #OUTSIDE}; consecutive tokens
     *         of the same type form one entity
     */
    List<List<String>> label(List<List<String>> sentences);

    /** A short description for the manifest, e.g. the model file. */
    String describe();
}
