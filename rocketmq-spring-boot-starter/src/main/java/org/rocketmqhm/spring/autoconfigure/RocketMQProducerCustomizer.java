package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.core.client.producer.Producer;

/**
 * Adjusts the auto-configured {@link Producer} before it starts, after {@code rocketmq.producer.*} is applied.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RocketMQProducerCustomizer {

    /** @param producer the producer, not started yet */
    void customize(Producer producer);
}
