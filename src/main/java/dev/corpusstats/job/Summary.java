package dev.corpusstats.job;

import dev.corpusstats.output.Manifest;

import java.util.stream.Collectors;

/** The one line a successful run prints. */
final class Summary {
    private Summary() {
    }

    static String of(Manifest m, String output) {
        String tables = m.tables.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().rows())
                .collect(Collectors.joining(", "));
        return String.format("corpus-stats: %s in %.1f s: %s files read; rows: %s; output: %s",
                m.status, m.durationSeconds, m.input.get("files"), tables, output);
    }
}
