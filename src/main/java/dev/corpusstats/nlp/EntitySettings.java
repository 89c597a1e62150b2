package dev.corpusstats.nlp;

import java.io.Serializable;

/**
 * How the analyzer finds entities; built on the driver, shipped to executors (the model itself is
 * not shipped: each executor JVM loads it from the application jar on first use).
 *
 * @param model         classpath resource or file of a CoreNLP CRF model; null turns entities off
 * @param expertModel   null, or a second model decoded with the main one ({@link CrfProductOfExperts})
 * @param miscModel     null, or the model that re-types MISC spans ({@link CrfEntityRecognizer})
 * @param documentRules apply the document-level consistency rules
 * @param keys          entity id normalization and aliases
 */
public record EntitySettings(String model, String expertModel, String miscModel, boolean documentRules, EntityKeys keys) implements Serializable {

    public static EntitySettings off() {
        return new EntitySettings(null, null, null, false, EntityKeys.withoutAliases());
    }

    public boolean enabled() {
        return model != null;
    }

    /** Model names and rules, for the manifest. */
    public String describe() {
        return enabled() ? CrfEntityRecognizer.describe(model, expertModel, miscModel) + (documentRules ? " + document rules" : "") : "off";
    }

    EntityRecognition newRecognition() {
        return new EntityRecognition(new CrfEntityRecognizer(model, expertModel, miscModel), documentRules);
    }
}
