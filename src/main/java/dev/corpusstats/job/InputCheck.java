package dev.corpusstats.job;

import dev.corpusstats.config.ConfigException;
import dev.corpusstats.ingest.InputLister;
import dev.corpusstats.ingest.PathPattern;
import org.apache.hadoop.conf.Configuration;

import java.net.URI;

/**
 * Fails fast, before Spark starts, when a local input path matches nothing or the path pattern is bad. Remote inputs (hdfs:,
 * s3a:, ...) need Spark's Hadoop settings and are checked when the corpus is listed.
 */
final class InputCheck {
    private InputCheck() {
    }

    /** A path pattern that does not compile is a configuration error, found before Spark starts. */
    static void requireValidPathPattern(String pattern) {
        if (pattern != null) {
            try {
                PathPattern.compile(pattern);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("bad value for 'input.path_pattern': " + e.getMessage());
            }
        }
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
