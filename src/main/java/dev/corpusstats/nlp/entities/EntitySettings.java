package dev.corpusstats.nlp.entities;

import java.io.Serializable;

/**
 * How the analyzer finds entities; built on the driver, shipped to executors (the models
 * themselves are not shipped: each executor JVM loads them from the application jar on first use).
 *
 * @param model         the engine's main model (classpath resource or file); null turns entities off
 * @param expertModel   null, or a second model decoded together with the main one
 * @param miscModel     null, or a PER/ORG/LOC model that re-types MISC spans ({@link MiscRetyper})
 * @param documentRules apply the document-level consistency rules ({@link DocumentConsistency})
 * @param keys          entity id normalization and aliases
 */
public record EntitySettings(String model, String expertModel, String miscModel, boolean documentRules, EntityKeys keys)
        implements Serializable {

    public static EntitySettings off() {
        return new EntitySettings(null, null, null, false, EntityKeys.withoutAliases());
    }

    public boolean enabled() {
        return model != null;
    }
}
