package org.rocketmqhm.core.store.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Next queue offset per topic-queue, assigned by the commit-log appender under its lock and rebuilt from the
 * consume queues at start. Thread-safe for reads; writes happen under the append lock.
 *
 * @since 0.1.0
 */
public final class QueueOffsetTable {

    private final Map<String, Long> next = new ConcurrentHashMap<>();

    /** @param topic topic @param queueId queue @return the map key */
    public static String key(String topic, int queueId) {
        return topic + '-' + queueId;
    }

    /** @param key key @return next offset, 0 if unknown */
    public long get(String key) {
        Long v = next.get(key);
        return v == null ? 0 : v;
    }

    /** @param key key @param nextOffset next offset */
    public void put(String key, long nextOffset) {
        next.put(key, nextOffset);
    }

    /** @param topic topic whose entries are dropped */
    public void removeTopic(String topic) {
        next.keySet().removeIf(k -> k.startsWith(topic + '-') && k.substring(topic.length() + 1).matches("\\d+"));
    }

    /** @param key key whose entry is dropped (the queue restarts at offset 0) @since 0.3.0 */
    public void remove(String key) {
        next.remove(key);
    }

    /** Drops everything. */
    public void clear() {
        next.clear();
    }
}
