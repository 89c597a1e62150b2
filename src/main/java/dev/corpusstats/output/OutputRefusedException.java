package dev.corpusstats.output;

/**
 * The output path cannot be written safely: it overlaps the input, or its root holds entries the
 * job would replace but did not make. Nothing was touched; the message is one line for the user,
 * and the job exits with code 2.
 */
public final class OutputRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputRefusedException(String message) {
        super(message);
    }
}
