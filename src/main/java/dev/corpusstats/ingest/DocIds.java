package dev.corpusstats.ingest;

/** Document ids of one-document-per-file inputs: the path relative to the input root, extension dropped. */
public final class DocIds {
    private DocIds() {
    }

    /** {@code sport/199.txt → sport/199}, {@code a/b.txt.gz → a/b}, {@code notes → notes}. */
    public static String fromRelativePath(String relativePath) {
        String p = relativePath.replace('\\', '/');
        if (p.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            p = p.substring(0, p.length() - 3);
        }
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > slash + 1) {
            p = p.substring(0, dot);
        }
        return p;
    }
}
