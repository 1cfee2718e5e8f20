package org.rocketmqhm.core.store.clean;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Unmaps deleted files after a grace period. Retention removes a file from its queue and deletes it from disk at
 * once (the mapping survives the unlink), but zero-copy slices of it may still be in flight (e.g. being written
 * to a socket), and touching an unmapped region crashes the JVM. So the unmap runs
 * {@code destroyMapedFileIntervalForcibly} ms later, or at shutdown. Thread-safe.
 *
 * @since 0.2.0
 */
public final class DeferredUnmapper {

    private record Pending(long dueNanos, Runnable unmap) {
    }

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final long graceNanos;

    /** @param graceMs delay before unmapping */
    public DeferredUnmapper(long graceMs) {
        this.graceNanos = Math.max(0, graceMs) * 1_000_000L;
    }

    /** @param unmap action releasing the mapping */
    public void schedule(Runnable unmap) {
        pending.add(new Pending(System.nanoTime() + graceNanos, unmap));
    }

    /** Runs the unmaps whose grace period is over. @return how many ran */
    public int reclaimDue() {
        long now = System.nanoTime();
        int n = 0;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (now - p.dueNanos() >= 0) {
                it.remove();
                p.unmap().run();
                n++;
            }
        }
        return n;
    }

    /** Runs every pending unmap (shutdown). */
    public void reclaimAll() {
        Pending p;
        while ((p = pending.poll()) != null) {
            p.unmap().run();
        }
    }

    /** @return unmaps still waiting */
    public int pendingCount() {
        return pending.size();
    }
}
