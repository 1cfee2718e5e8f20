package org.rocketmqhm.brokerapp.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.store.FileMessageStore;
import org.rocketmqhm.core.store.StoreStats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The broker's Micrometer meters, all named under {@code rocketmq.}: per-topic put/get counters and stored bytes,
 * put latency, commit-log and consume-queue sizes, disk ratio, connections, parked long polls and per consumer
 * group lag. Meters read the broker's own counters when scraped (nothing is added to the send path); topics and
 * consumer groups appearing later get their meters from a refresh every {@link #REFRESH_SECONDS} seconds, which
 * also recomputes the lag snapshot (committed offsets against queue max offsets). Thread-safe.
 *
 * @since 0.2.0
 */
public final class BrokerMeters implements MeterBinder, AutoCloseable {

    static final int REFRESH_SECONDS = 5;

    private final Broker broker;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<String> boundTopics = ConcurrentHashMap.newKeySet();
    private final Set<String> boundLags = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Long> lags = Map.of();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "BrokerMetersRefresh");
        t.setDaemon(true);
        return t;
    });

    public BrokerMeters(Broker broker) {
        this.broker = broker;
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        gauge(registry, "rocketmq.store.commitlog.size", "bytes", "commit-log bytes between min and max offset",
            b -> store(b) == null ? 0 : Math.max(0, store(b).getMaxPhyOffset() - store(b).getMinPhyOffset()));
        gauge(registry, "rocketmq.store.consumequeue.count", null, "consume queues (topic-queue pairs)",
            b -> store(b) == null ? 0 : store(b).consumeQueueCount());
        gauge(registry, "rocketmq.store.consumequeue.size", "bytes", "consume-queue units held, in bytes",
            b -> store(b) == null ? 0 : store(b).consumeQueueBytes());
        gauge(registry, "rocketmq.store.disk.used.ratio", null, "used fraction of the store partition",
            b -> store(b) == null ? -1 : store(b).getHealth().diskUsedRatio());
        gauge(registry, "rocketmq.store.writable", null, "1 while the store accepts writes, else 0",
            b -> store(b) != null && store(b).getHealth().writable() ? 1 : 0);
        gauge(registry, "rocketmq.store.dispatch.behind", "bytes", "commit-log bytes not yet dispatched",
            b -> store(b) == null ? 0 : store(b).dispatchBehindBytes());
        gauge(registry, "rocketmq.connections", null, "client connections open to the broker port",
            Broker::connectionCount);
        gauge(registry, "rocketmq.longpolling.parked", null, "pull requests parked by long polling",
            Broker::parkedPullCount);
        FunctionCounter.builder("rocketmq.messages.put.failures", broker,
                b -> store(b) == null ? 0 : store(b).getStats().putFailures())
            .description("puts refused or failed by the store").register(registry);
        FunctionTimer.builder("rocketmq.put.latency", broker,
                b -> store(b) == null ? 0 : store(b).getStats().putLatencyCount(),
                b -> store(b) == null ? 0 : store(b).getStats().putLatencyTotalNanos(), TimeUnit.NANOSECONDS)
            .description("time from put to acknowledgement under the flush policy").register(registry);
        refreshQuietly();
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<Broker> value) {
        Gauge.builder(name, broker, value).baseUnit(unit).description(description).register(registry);
    }

    private static FileMessageStore store(Broker broker) {
        return broker.isRunning() ? broker.store() : null;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a broker stopping under us: the next refresh tries again
        }
    }

    /** Registers meters for new topics and consumer groups and recomputes the lag snapshot. */
    void refresh() {
        FileMessageStore store = store(broker);
        if (store == null || registries.isEmpty()) {
            return;
        }
        StoreStats stats = store.getStats();
        for (String topic : stats.topics()) {
            if (boundTopics.add(topic)) {
                for (MeterRegistry registry : registries) {
                    FunctionCounter.builder("rocketmq.messages.put", stats, s -> s.putTimes(topic))
                        .tag("topic", topic).description("messages stored").register(registry);
                    FunctionCounter.builder("rocketmq.messages.got", stats, s -> s.gotTimes(topic))
                        .tag("topic", topic).description("messages returned to pulls").register(registry);
                    FunctionCounter.builder("rocketmq.messages.put.bytes", stats, s -> s.putBytes(topic))
                        .tag("topic", topic).baseUnit("bytes").description("bytes stored").register(registry);
                }
            }
        }
        Map<String, Long> next = new HashMap<>();
        broker.committedOffsets().forEach((key, queues) -> {
            int at = key.lastIndexOf('@');
            if (at <= 0) {
                return;
            }
            String topic = key.substring(0, at);
            long lag = 0;
            for (Map.Entry<Integer, Long> queue : queues.entrySet()) {
                lag += Math.max(0, store.getMaxOffsetInQueue(topic, queue.getKey()) - queue.getValue());
            }
            next.put(key, lag);
        });
        lags = next;
        for (String key : next.keySet()) {
            if (boundLags.add(key)) {
                int at = key.lastIndexOf('@');
                for (MeterRegistry registry : registries) {
                    Gauge.builder("rocketmq.consumer.lag", this, m -> m.lags.getOrDefault(key, 0L))
                        .tag("topic", key.substring(0, at)).tag("group", key.substring(at + 1))
                        .description("messages not yet consumed: queue max offsets minus committed offsets")
                        .register(registry);
                }
            }
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
