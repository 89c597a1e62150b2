package dev.corpusstats.stats;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built once, by the first thread that asks for it; later callers, from any thread, get the
 * same one (and wait while it is being built). The pipeline's shared cached datasets are built this
 * way inside the table writes that need them, so that planning them overlaps other tables' writes.
 * A build that throws is not remembered: the next caller tries again, and sees the same error.
 */
final class OnFirstUse<T> implements Supplier<T> {
    private final Supplier<? extends T> build;
    private T value;

    OnFirstUse(Supplier<? extends T> build) {
        this.build = Objects.requireNonNull(build);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = Objects.requireNonNull(build.get(), "built a null value");
        }
        return value;
    }
}
