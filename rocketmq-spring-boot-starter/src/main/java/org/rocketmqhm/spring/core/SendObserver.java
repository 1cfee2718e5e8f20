package org.rocketmqhm.spring.core;

/**
 * Told about every send of a {@link RocketMQTemplate}; used for metrics. Must be fast and thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SendObserver {

    /** An observer that ignores everything. */
    SendObserver NONE = (topic, nanos, error) -> { };

    /**
     * @param topic the topic sent to (without namespace)
     * @param nanos time the send took; for async and one-way sends, until completion or hand-off
     * @param error the failure, or {@code null} on success
     */
    void onSend(String topic, long nanos, Throwable error);
}
