package dev.corpusstats.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the job and of the libraries that shape its results, for the manifest. */
final class Versions {
    private Versions() {
    }

    static Map<String, String> of(String sparkVersion) {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/dev/corpusstats/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("corpus_stats", p.getProperty("job.version", "unknown"));
        versions.put("spark", sparkVersion);
        versions.put("corenlp", p.getProperty("corenlp.version", "unknown"));
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
