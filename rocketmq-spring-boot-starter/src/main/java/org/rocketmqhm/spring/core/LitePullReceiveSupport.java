package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.common.message.MessageExt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * {@link ReceiveSupport} on a Rocketmq-Hm {@link LitePullConsumer} (subscribed, not started): {@link #poll} waits
 * up to the given time, or the configured poll timeout when it is negative, and returns at most the consumer's pull
 * batch size. A failed start (no name server reachable) is retried by the next {@code poll}. Offsets are committed automatically by the consumer and at {@link #shutdown()}. Thread-safe as far as
 * the consumer is: {@code receive} calls are serialized.
 *
 * @since 0.1.0
 */
public final class LitePullReceiveSupport implements ReceiveSupport {

    private static final Logger log = LoggerFactory.getLogger(LitePullReceiveSupport.class);

    private final LitePullConsumer consumer;
    private final Duration defaultTimeout;
    private volatile boolean started;

    /**
     * @param consumer subscribed, not started
     * @param defaultTimeout used by {@code receive} calls without a timeout
     */
    public LitePullReceiveSupport(LitePullConsumer consumer, Duration defaultTimeout) {
        this.consumer = consumer;
        this.defaultTimeout = defaultTimeout;
    }

    /** @return the consumer */
    public LitePullConsumer consumer() {
        return consumer;
    }

    /** Starts the consumer; when no name server answers yet, the first {@link #poll} tries again. */
    @Override
    public synchronized void start() {
        try {
            consumer.start();
            started = true;
        } catch (RuntimeException e) {
            log.warn("pull consumer {} did not start ({}); receive will retry", consumer.getConsumerGroup(),
                e.getMessage());
        }
    }

    @Override
    public synchronized List<MessageExt> poll(long timeoutMillis) {
        if (!started) {
            consumer.start();
            started = true;
        }
        return consumer.poll(timeoutMillis < 0 ? defaultTimeout : Duration.ofMillis(timeoutMillis));
    }

    @Override
    public void shutdown() {
        consumer.shutdown();
    }
}
