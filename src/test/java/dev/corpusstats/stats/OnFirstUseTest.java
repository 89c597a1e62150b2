package dev.corpusstats.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OnFirstUseTest {
    @Test
    void buildsOnceForAllThreads() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        OnFirstUse<Object> shared = new OnFirstUse<>(() -> {
            builds.incrementAndGet();
            try {
                Thread.sleep(100); // long enough for the other threads to ask while it builds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return shared.get();
                }));
            }
            start.countDown();
            for (Future<Object> f : got) {
                assertSame(shared.get(), f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }

    @Test
    void aFailedBuildIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        OnFirstUse<String> shared = new OnFirstUse<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first try fails");
            }
            return "built";
        });
        assertThrows(IllegalStateException.class, shared::get);
        assertEquals("built", shared.get());
        assertEquals("built", shared.get());
        assertEquals(2, attempts.get());
    }
}
