package org.rocketmqhm.spring.core;

/**
 * Told about every message a listener container hands to its listener; used for metrics. Must be fast and
 * thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConsumeObserver {

    /** An observer that ignores everything. */
    ConsumeObserver NONE = (group, topic, nanos, error) -> { };

    /**
     * @param group consumer group
     * @param topic topic
     * @param nanos time the listener took
     * @param error what the listener threw, or {@code null} on success
     */
    void onConsume(String group, String topic, long nanos, Throwable error);
}
