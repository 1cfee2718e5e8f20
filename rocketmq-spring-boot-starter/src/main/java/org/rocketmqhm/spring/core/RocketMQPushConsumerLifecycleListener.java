package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.consumer.PushConsumer;

/**
 * Implemented by a {@code @RocketMQMessageListener} bean to adjust its {@link PushConsumer} before it starts (for
 * example {@code setConsumeFromWhere} or {@code setPullBatchSize}).
 *
 * @since 0.1.0
 */
public interface RocketMQPushConsumerLifecycleListener extends RocketMQConsumerLifecycleListener<PushConsumer> {
}
