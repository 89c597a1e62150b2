package dev.corpusstats.output;

/**
 * Another run holds the output root's lock. Nothing was touched; the message is one line naming
 * the lock and its holder, and the job exits with code 4.
 */
public final class OutputLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputLockedException(String message) {
        super(message);
    }
}
