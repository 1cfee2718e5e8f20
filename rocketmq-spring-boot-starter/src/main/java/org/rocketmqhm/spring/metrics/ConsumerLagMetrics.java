package org.rocketmqhm.spring.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.rocketmqhm.spring.core.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Registers the gauge {@code rocketmq.consumer.lag} (tags {@code group}, {@code topic}) for every listener container
 * once the context is refreshed. The gauge reads {@link DefaultRocketMQListenerContainer#consumerLag()}: the sum over
 * the consumer's queues of the broker max offset (as of its latest pull response) minus the committed offset, kept
 * current by the consumer's own pulls, so a scrape costs no broker round trip. NaN while a container is stopped.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerLagMetrics implements ApplicationListener<ContextRefreshedEvent> {

    /** Name of the lag gauge. */
    public static final String LAG = "rocketmq.consumer.lag";

    private final MeterRegistry registry;
    private final ObjectProvider<DefaultRocketMQListenerContainer> containers;

    /**
     * @param registry where the gauges are registered
     * @param containers the listener containers of the context
     */
    public ConsumerLagMetrics(MeterRegistry registry, ObjectProvider<DefaultRocketMQListenerContainer> containers) {
        this.registry = registry;
        this.containers = containers;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        containers.orderedStream().forEach(this::bind);
    }

    /** Registers the gauge of one container (again for the same group and topic: the registry keeps the first). */
    public void bind(DefaultRocketMQListenerContainer container) {
        Gauge.builder(LAG, container, DefaultRocketMQListenerContainer::consumerLag)
            .description("Messages not yet consumed by the group: broker max offset minus committed offset")
            .tag("group", container.getEndpoint().consumerGroup())
            .tag("topic", container.getEndpoint().topic())
            .strongReference(true)
            .register(registry);
    }
}
