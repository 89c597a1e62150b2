package dev.corpusstats.config;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a run is published under the output root ({@code output.layout}; {@code output.RunOutput}
 * does the publishing).
 */
public enum OutputLayout {
    /** The tables at the output root, replaced by each run. */
    OVERWRITE,
    /** Each run in {@code runs/run=NAME/}, {@code LATEST} naming the greatest name published. */
    RUNS;

    /** The name in settings files, on the command line and in the manifest: the constant in lower case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
