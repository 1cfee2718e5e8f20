package org.rocketmqhm.core.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's request executors, one bounded pool per request family, so that a slow family (pulls, admin)
 * never starves another (sends). A full queue makes the remoting layer answer {@code SYSTEM_BUSY}.
 * Thread-safe.
 *
 * @since 0.1.0
 */
final class BrokerExecutors {

    private final List<ExecutorService> all = new ArrayList<>();

    ExecutorService create(String name, int threads, int queueCapacity) {
        AtomicInteger index = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(queueCapacity), r -> {
                Thread t = new Thread(r, name + "-" + index.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        all.add(pool);
        return pool;
    }

    void shutdown() {
        for (ExecutorService pool : all) {
            pool.shutdown();
        }
        for (ExecutorService pool : all) {
            try {
                if (!pool.awaitTermination(3, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
