package dev.corpusstats.config;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a run is published under the output root ({@code output.layout}; {@code output.RunOutput}
 * does the publishing).
 */
public enum OutputLayout {
    /** The tables at the output root, replaced by each run. */
    OVERWRITE("overwrite"),
    /** Each run in {@code runs/run=NAME/}, {@code LATEST} naming the greatest name published. */
    RUNS("runs");

    private final String code;

    OutputLayout(String code) {
        this.code = code;
    }

    /** The name in settings files, on the command line and in the manifest. */
    @JsonValue
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
