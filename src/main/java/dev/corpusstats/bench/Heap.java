package dev.corpusstats.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Peak heap over a measured span: the sum of the heap pools' peaks (an upper bound of the heap's own peak). */
final class Heap {
    private Heap() {
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** In local mode the driver and the executor share this JVM, so this is the whole run's. */
    static long peakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** The most heap in use just after a collection while it listens: the live set's peak, garbage excluded. */
    static final class LiveAfterGc implements javax.management.NotificationListener {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

        static LiveAfterGc start() {
            LiveAfterGc listener = new LiveAfterGc();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                }
            }
            return listener;
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long used = 0;
            for (var usage : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeapPool(usage.getKey())) {
                    used += usage.getValue().getUsed();
                }
            }
            max.accumulateAndGet(used, Math::max);
        }

        private static boolean isHeapPool(String name) {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getName().equals(name)) {
                    return pool.getType() == MemoryType.HEAP;
                }
            }
            return false;
        }

        /** Stops listening; the peak in MiB. */
        long stop() {
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    try {
                        emitter.removeNotificationListener(this);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // not registered on this collector
                    }
                }
            }
            return max.get() >> 20;
        }
    }
}
