package dev.corpusstats.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * A command line read option by option, for the job and its tools alike: every mistake (a missing
 * value, a value of the wrong kind) is a {@link ConfigException} naming the option, one line for
 * the user, never an index or number-format exception.
 */
public final class Arguments {
    private final List<String> args;
    private int next;

    public Arguments(List<String> args) {
        this.args = List.copyOf(args);
    }

    public boolean hasNext() {
        return next < args.size();
    }

    /** The next option (or any word where an option is expected). */
    public String next() {
        return args.get(next++);
    }

    /** The value after {@code option}: the next word, which must exist and not be an option itself. */
    public String value(String option) {
        if (next >= args.size() || args.get(next).startsWith("--")) {
            throw new ConfigException("option " + option + " needs a value");
        }
        return args.get(next++);
    }

    /** The value after {@code option} as a whole number of at least 1. */
    public int positiveInt(String option) {
        String value = value(option);
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("option " + option + " needs a whole number of at least 1, got '" + value + "'");
    }

    /** The value after {@code option} as a path. */
    public Path path(String option) {
        String value = value(option);
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException("option " + option + " needs a path, got '" + value + "': " + e.getReason());
        }
    }
}
