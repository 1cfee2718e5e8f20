package org.rocketmqhm.spring.annotation;

/**
 * How a listener container delivers messages to its listener.
 *
 * @since 0.1.0
 */
public enum ConsumeMode {

    /** Messages are handed to a thread pool and consumed in parallel. */
    CONCURRENTLY,

    /** Each queue is consumed by one thread at a time, in queue order. */
    ORDERLY
}
