package org.rocketmqhm.spring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.rocketmqhm.spring.core.ConsumeObserver;
import org.rocketmqhm.spring.core.SendObserver;

import java.util.concurrent.TimeUnit;

/**
 * Records Micrometer meters for sends and consumption:
 * <ul>
 * <li>{@code rocketmq.send} timer, tags {@code topic} and {@code outcome} ({@code success}/{@code failure});</li>
 * <li>{@code rocketmq.consume} timer, tags {@code group}, {@code topic} and {@code outcome};</li>
 * <li>{@code rocketmq.consume.failures} counter, tags {@code group} and {@code topic}.</li>
 * </ul>
 * Meters are looked up in the registry per event (the registry caches them). Thread-safe.
 *
 * @since 0.1.0
 */
public final class RocketMQMetrics implements SendObserver, ConsumeObserver {

    /** Name of the send timer. */
    public static final String SEND = "rocketmq.send";
    /** Name of the consume timer. */
    public static final String CONSUME = "rocketmq.consume";
    /** Name of the consume failure counter. */
    public static final String CONSUME_FAILURES = "rocketmq.consume.failures";

    private final MeterRegistry registry;

    /** @param registry where meters are registered */
    public RocketMQMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onSend(String topic, long nanos, Throwable error) {
        Timer.builder(SEND).description("Time to send a message")
            .tag("topic", topic).tag("outcome", error == null ? "success" : "failure")
            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onConsume(String group, String topic, long nanos, Throwable error) {
        Timer.builder(CONSUME).description("Time a listener took for a message")
            .tag("group", group).tag("topic", topic).tag("outcome", error == null ? "success" : "failure")
            .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (error != null) {
            Counter.builder(CONSUME_FAILURES).description("Messages whose listener threw")
                .tag("group", group).tag("topic", topic).register(registry).increment();
        }
    }
}
