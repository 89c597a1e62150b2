package dev.corpusstats.nlp;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.entities.EntityKeys;
import dev.corpusstats.nlp.entities.EntitySettings;
import dev.corpusstats.nlp.text.StopWords;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What an analyzer needs, built once on the driver and shipped to executors (the stop word list and
 * the aliases are small; files named in the settings are read on the driver, so executors need no
 * access to them).
 *
 * @param stopWords the stop word list
 * @param maxN      longest n-gram counted
 * @param entities  named-entity recognition, or {@link EntitySettings#off()}
 */
public record AnalyzerSettings(StopWords stopWords, int maxN, EntitySettings entities) implements Serializable {

    /** The settings of a job's configuration: its terms and entities sections, and the files they name. */
    public static AnalyzerSettings from(JobConfig config) {
        try {
            StopWords stopWords = config.terms.stopWordsFile == null
                    ? StopWords.snowballEnglish()
                    : StopWords.fromFile(Path.of(config.terms.stopWordsFile));
            EntitySettings entities = EntitySettings.off();
            if (config.entities.enabled) {
                EntityKeys keys = config.entities.aliasFile == null
                        ? EntityKeys.withoutAliases()
                        : EntityKeys.fromAliasFile(Path.of(config.entities.aliasFile));
                entities = new EntitySettings(config.entities.model, config.entities.expertModel,
                        config.entities.miscRetypeModel, config.entities.documentRules, keys);
            }
            return new AnalyzerSettings(stopWords, config.terms.maxN, entities);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a file named in the configuration: " + e.getMessage(), e);
        }
    }

    public DocumentAnalyzer newAnalyzer() {
        return new DocumentAnalyzer(stopWords, maxN, entities);
    }
}
