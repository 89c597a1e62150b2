package dev.corpusstats.ingest;

import java.util.Locale;

/** Picks a file's format: the configured one, or for {@code auto}, by extension. */
public final class InputFormats {
    public static final String TEXT = "text";
    public static final String JSONL = "jsonl";
    public static final String CSV = "csv";
    public static final String PARQUET = "parquet";

    private InputFormats() {
    }

    /**
     * {@code .jsonl}, {@code .ndjson}, {@code .json} are JSON Lines; {@code .csv} is CSV; {@code .parquet}
     * is Parquet; anything else is plain text. A trailing {@code .gz} is looked through.
     */
    public static String forFile(String configured, String fileName) {
        if (!"auto".equals(configured)) {
            return configured;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return JSONL;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        return TEXT;
    }
}
