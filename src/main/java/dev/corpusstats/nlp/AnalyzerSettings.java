package dev.corpusstats.nlp;

import java.io.Serializable;

/**
 * What an analyzer needs, built once on the driver and shipped to executors (the stop word list is
 * small; a user's stop word file is read on the driver, so executors need no access to it).
 *
 * @param stopWords the stop word list
 * @param maxN      longest n-gram counted
 * @param entities  named-entity recognition, or {@link EntitySettings#off()}
 */
public record AnalyzerSettings(StopWords stopWords, int maxN, EntitySettings entities) implements Serializable {

    public DocumentAnalyzer newAnalyzer() {
        return new DocumentAnalyzer(stopWords, maxN, entities);
    }
}
