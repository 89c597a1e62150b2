package dev.corpusstats.config;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How input files are parsed ({@code input.format}). */
public enum InputFormat {
    /** Chosen per file by its extension ({@code ingest.InputFormats}). */
    AUTO,
    /** One document per file. */
    TEXT,
    /** One document per JSON object line. */
    JSONL,
    /** One document per CSV record, with a header. */
    CSV,
    /** One document per Parquet row. */
    PARQUET;

    /** The name in settings files, on the command line and in the manifest: the constant in lower case. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
