package dev.corpusstats.nlp;

import dev.corpusstats.config.JobConfig;
import dev.corpusstats.nlp.crf.CrfEntityRecognizer;
import dev.corpusstats.nlp.crf.CrfModels;
import dev.corpusstats.nlp.entities.EntityRecognition;
import dev.corpusstats.nlp.entities.EntityRecognizer;
import dev.corpusstats.nlp.entities.EntitySettings;

/**
 * The one place that chooses the named-entity engine: CoreNLP's CRF ({@code nlp.crf}). The job, the
 * benchmark and the evaluation get their recognizer here, so another engine replaces this one by
 * adding its package and changing these methods, not their callers.
 */
public final class EntityEngines {
    private EntityEngines() {
    }

    /** The engine's token labeller for these settings (its models loaded once per JVM). */
    public static EntityRecognizer recognizer(EntitySettings settings) {
        requireEnabled(settings);
        return new CrfEntityRecognizer(settings.model(), settings.expertModel(), settings.miscModel());
    }

    /** The job's recognizer: the engine's labels, then the document rules if the settings ask for them. */
    public static EntityRecognition recognition(EntitySettings settings) {
        return new EntityRecognition(recognizer(settings), settings.documentRules());
    }

    /** What the settings run, for the manifest, without loading anything; "off" when entities are off. */
    public static String describe(EntitySettings settings) {
        if (!settings.enabled()) {
            return "off";
        }
        return CrfEntityRecognizer.describe(settings.model(), settings.expertModel(), settings.miscModel())
                + (settings.documentRules() ? " + document rules" : "");
    }

    /**
     * Starts loading the configured models on a background thread and returns at once: for local
     * mode, where the driver JVM is also the executor, before the analysis settings are built.
     * Nothing happens when entities are off.
     */
    public static void preloadInBackground(JobConfig.Entities entities) {
        if (entities.enabled) {
            CrfModels.preloadInBackground(entities.model, entities.expertModel, entities.miscRetypeModel);
        }
    }

    private static void requireEnabled(EntitySettings settings) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("entities are off in these settings: no recognizer to make");
        }
    }
}
