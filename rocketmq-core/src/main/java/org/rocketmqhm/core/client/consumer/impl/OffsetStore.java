package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.Collection;
import java.util.Map;

/**
 * Where a consumer keeps its progress: in memory, persisted to the brokers (clustering) or to a local file
 * (broadcasting). Thread-safe.
 *
 * @since 0.1.0
 */
public interface OffsetStore {

    /** @return the offset stored remotely/locally (not the in-memory one), or -1 if none */
    long readStored(MessageQueue queue);

    /** @return the in-memory offset, or -1 */
    long readMemory(MessageQueue queue);

    /** Sets the in-memory offset; with {@code increaseOnly} a smaller value is ignored. */
    void update(MessageQueue queue, long offset, boolean increaseOnly);

    /** Persists the in-memory offsets of the given queues. */
    void persistAll(Collection<MessageQueue> queues, boolean sync);

    /** Forgets the queue (after it was persisted). */
    void remove(MessageQueue queue);

    Map<MessageQueue, Long> snapshot();
}
