package dev.corpusstats.ingest;

/**
 * Text decoded from bytes, and the charset it was decoded with ({@code UTF-8}, {@code UTF-16LE},
 * {@code UTF-16BE} or {@code windows-1252}).
 */
public record DecodedText(String text, String encoding) {
}
