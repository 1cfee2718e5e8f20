package org.rocketmqhm.benchmark;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bytes allocated by the live threads of one {@link ThreadGroup} (and its subgroups), read from
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}. A thread created by a thread of the group
 * joins the group, so everything an in-process broker starts (I/O loops, request pools, store services) is
 * counted, and nothing a client started from another group is.
 *
 * <p>A thread's counter disappears with the thread, so the latest value of every thread seen is kept and
 * refreshed every 50 ms: a pool thread that ends between two samples loses at most its last 50 ms.
 *
 * <p>Thread-safety: {@link #total()} may be called from any thread; sampling runs on one daemon thread.
 *
 * @since 0.1.0
 */
final class ThreadGroupAllocation implements AutoCloseable {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ThreadGroup group;
    private final Map<Long, Long> latestById = new HashMap<>();
    private final Map<Long, String> nameById = new HashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "allocation-sampler");
        t.setDaemon(true);
        return t;
    });

    ThreadGroupAllocation(ThreadGroup group) {
        this.group = group;
        THREADS.setThreadAllocatedMemoryEnabled(true);
        sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** @return bytes allocated so far by every thread of the group seen since construction, dead ones included */
    synchronized long total() {
        sample();
        long sum = 0;
        for (long bytes : latestById.values()) {
            sum += bytes;
        }
        return sum;
    }

    /** @return the same counters summed by thread name with trailing digits dropped, for a breakdown */
    synchronized Map<String, Long> byNamePrefix() {
        sample();
        Map<String, Long> sums = new TreeMap<>();
        latestById.forEach((id, bytes) ->
                sums.merge(nameById.get(id).replaceAll("[-_#]?\\d+", ""), bytes, Long::sum));
        return sums;
    }

    private synchronized void sample() {
        Thread[] threads = new Thread[group.activeCount() * 2 + 16];
        int count = group.enumerate(threads, true);
        for (int i = 0; i < count; i++) {
            long id = threads[i].getId();
            long bytes = THREADS.getThreadAllocatedBytes(id);
            if (bytes >= 0) {
                latestById.put(id, bytes);
                nameById.putIfAbsent(id, threads[i].getName());
            }
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
