package org.rocketmqhm.spring.core;

/**
 * The push consumer behind one listener container.
 *
 * @since 0.1.0
 */
public interface ListenerConsumer {

    /** Subscribes and starts delivering to the container's handler. */
    void start();

    /**
     * Stops fetching, waits for in-flight messages, persists offsets and leaves the group.
     *
     * @param awaitMillis how long to wait for in-flight messages
     */
    void shutdown(long awaitMillis);

    /** @return the client consumer object, handed to {@code RocketMQPushConsumerLifecycleListener}s */
    Object nativeConsumer();

    /**
     * @param topic the listener's topic
     * @return messages of the topic not yet consumed by the group (from the consumer's own state), or -1 if unknown
     */
    default long lag(String topic) {
        return -1;
    }
}
