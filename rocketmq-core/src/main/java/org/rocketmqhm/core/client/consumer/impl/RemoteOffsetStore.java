package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clustering offsets: kept in memory, read with QUERY_CONSUMER_OFFSET, written with UPDATE_CONSUMER_OFFSET (oneway
 * on the 5 s timer, sync at shutdown). Thread-safe.
 *
 * @since 0.1.0
 */
public final class RemoteOffsetStore implements OffsetStore {

    private static final Logger log = LoggerFactory.getLogger(RemoteOffsetStore.class);

    private final ConsumerBrokerApi api;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();

    public RemoteOffsetStore(ConsumerBrokerApi api) {
        this.api = api;
    }

    @Override
    public long readStored(MessageQueue queue) {
        long offset = api.queryConsumerOffset(queue);
        if (offset >= 0) {
            offsets.put(queue, offset);
        }
        return offset;
    }

    @Override
    public long readMemory(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        if (offset < 0) {
            return;
        }
        offsets.merge(queue, offset, (old, now) -> increaseOnly ? Math.max(old, now) : now);
    }

    @Override
    public void persistAll(Collection<MessageQueue> queues, boolean sync) {
        for (MessageQueue queue : queues) {
            Long offset = offsets.get(queue);
            if (offset == null) {
                continue;
            }
            try {
                api.updateConsumerOffset(queue, offset, !sync);
            } catch (RuntimeException e) {
                log.debug("persisting offset of {} failed: {}", queue, e.toString());
            }
        }
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
    }

    @Override
    public Map<MessageQueue, Long> snapshot() {
        return new HashMap<>(offsets);
    }
}
