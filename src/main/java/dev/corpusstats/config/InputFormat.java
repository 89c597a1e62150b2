package dev.corpusstats.config;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How input files are parsed ({@code input.format}). */
public enum InputFormat {
    /** Chosen per file by its extension ({@code ingest.InputFormats}). */
    AUTO("auto"),
    /** One document per file. */
    TEXT("text"),
    /** One document per JSON object line. */
    JSONL("jsonl"),
    /** One document per CSV record, with a header. */
    CSV("csv"),
    /** One document per Parquet row. */
    PARQUET("parquet");

    private final String code;

    InputFormat(String code) {
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

    /** "auto, text, jsonl, csv, parquet": for error messages. */
    public static String codes() {
        return Arrays.stream(values()).map(InputFormat::code).collect(Collectors.joining(", "));
    }
}
