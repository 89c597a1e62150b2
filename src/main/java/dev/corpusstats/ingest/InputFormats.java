package dev.corpusstats.ingest;

import dev.corpusstats.config.InputFormat;

import java.util.Locale;

/** Picks a file's format: the configured one, or for {@code auto}, by extension. */
public final class InputFormats {
    private InputFormats() {
    }

    /**
     * {@code .jsonl}, {@code .ndjson}, {@code .json} are JSON Lines; {@code .csv} is CSV; {@code .parquet}
     * is Parquet; anything else is plain text. A trailing {@code .gz} is looked through. Never {@code AUTO}.
     */
    public static InputFormat forFile(InputFormat configured, String fileName) {
        if (configured != InputFormat.AUTO) {
            return configured;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return InputFormat.JSONL;
        }
        if (name.endsWith(".csv")) {
            return InputFormat.CSV;
        }
        if (name.endsWith(".parquet")) {
            return InputFormat.PARQUET;
        }
        return InputFormat.TEXT;
    }
}
