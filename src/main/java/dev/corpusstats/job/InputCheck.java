package dev.corpusstats.job;

import dev.corpusstats.ingest.InputLister;
import org.apache.hadoop.conf.Configuration;

import java.net.URI;

/**
 * Fails fast, before Spark starts, when a local input path matches nothing. Remote inputs (hdfs:,
 * s3a:, ...) need Spark's Hadoop settings and are checked when the corpus is listed.
 */
final class InputCheck {
    private InputCheck() {
    }

    static void requireLocalInputExists(String input) {
        String scheme;
        try {
            scheme = new URI(input.replace(" ", "%20")).getScheme();
        } catch (Exception e) {
            scheme = null;
        }
        if (scheme == null || scheme.equals("file")) {
            InputLister.requireMatches(input, new Configuration());
        }
    }
}
