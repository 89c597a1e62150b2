package dev.corpusstats.config;

/**
 * A configuration or usage error: an unknown key, a bad value, a missing input. Its message is one
 * line meant for the user; the job prints it and exits with code 2, without a stack trace.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
