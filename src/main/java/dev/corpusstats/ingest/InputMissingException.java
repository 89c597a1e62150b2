package dev.corpusstats.ingest;

/** The input path does not exist or matches nothing. Reported in one line; the job exits with code 2. */
public final class InputMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputMissingException(String message) {
        super(message);
    }
}
