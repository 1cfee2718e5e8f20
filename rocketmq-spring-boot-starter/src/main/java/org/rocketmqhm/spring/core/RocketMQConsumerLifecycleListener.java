package org.rocketmqhm.spring.core;

/**
 * Implemented by a listener bean to adjust its consumer before it starts.
 *
 * @param <C> consumer type
 * @since 0.1.0
 */
public interface RocketMQConsumerLifecycleListener<C> {

    /** @param consumer the consumer, configured from the annotation, not started */
    void prepareStart(C consumer);
}
