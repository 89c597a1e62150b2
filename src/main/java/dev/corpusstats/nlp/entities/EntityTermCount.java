package dev.corpusstats.nlp.entities;

import java.io.Serializable;

/**
 * How often a unigram term occurs in the sentences of one document that mention an entity (each
 * sentence counted once per entity, however often it names it).
 */
public record EntityTermCount(String entityId, String term, int count) implements Serializable {
}
