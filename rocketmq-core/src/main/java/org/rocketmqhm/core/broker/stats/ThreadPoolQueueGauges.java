package org.rocketmqhm.core.broker.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Queue gauges of the broker's request pools for GET_BROKER_RUNTIME_INFO, under Apache's runtime-info keys:
 * {@code <prefix>ThreadPoolQueueSize}, {@code <prefix>ThreadPoolQueueCapacity} and
 * {@code <prefix>ThreadPoolQueueHeadWaitTimeMills} (prefixes {@code send}, {@code pull}, {@code litePull}, {@code query}; {@code
 * mqadmin clusterList} prints them next to the TPS). Head wait times are not tracked and read 0. Thread-safe.
 *
 * @since 0.3.0
 */
public final class ThreadPoolQueueGauges {

    private final Map<String, ThreadPoolExecutor> pools = new LinkedHashMap<>();

    /**
     * @param prefix runtime-info key prefix ({@code send}, {@code pull}, {@code query})
     * @param pool the pool; ignored unless a {@link ThreadPoolExecutor}
     * @return this
     */
    public synchronized ThreadPoolQueueGauges add(String prefix, ExecutorService pool) {
        if (pool instanceof ThreadPoolExecutor executor) {
            pools.put(prefix, executor);
        }
        return this;
    }

    /** @return the gauges as runtime-info entries */
    public synchronized Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        pools.forEach((prefix, pool) -> {
            int size = pool.getQueue().size();
            out.put(prefix + "ThreadPoolQueueSize", String.valueOf(size));
            out.put(prefix + "ThreadPoolQueueCapacity", String.valueOf(size + pool.getQueue().remainingCapacity()));
            out.put(prefix + "ThreadPoolQueueHeadWaitTimeMills", "0");
        });
        return out;
    }
}
