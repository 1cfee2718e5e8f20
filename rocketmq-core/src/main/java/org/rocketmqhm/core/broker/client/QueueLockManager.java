package org.rocketmqhm.core.broker.client;

import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ordered-consumption queue locks (section 5.15): (group, queue) to (client id, last renewal). A lock is granted
 * when the queue is free, already held by the same client (renewed), or its holder has not renewed for longer
 * than the lock lifetime. Thread-safe: each group's table is changed under that table's lock.
 *
 * @since 0.1.0
 */
public final class QueueLockManager {

    private record Lock(String clientId, long lastUpdate) {
    }

    private final long maxLiveMillis;
    private final Map<String, Map<MessageQueue, Lock>> groups = new ConcurrentHashMap<>();

    public QueueLockManager(long maxLiveMillis) {
        this.maxLiveMillis = maxLiveMillis;
    }

    /** @return the queues now locked by the client */
    public Set<MessageQueue> lock(String group, Set<MessageQueue> queues, String clientId) {
        Map<MessageQueue, Lock> table = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        Set<MessageQueue> granted = new HashSet<>();
        long now = System.currentTimeMillis();
        synchronized (table) {
            for (MessageQueue queue : queues) {
                Lock lock = table.get(queue);
                if (lock == null || lock.clientId().equals(clientId) || now - lock.lastUpdate() > maxLiveMillis) {
                    table.put(queue, new Lock(clientId, now));
                    granted.add(queue);
                }
            }
        }
        return granted;
    }

    public void unlock(String group, Set<MessageQueue> queues, String clientId) {
        Map<MessageQueue, Lock> table = groups.get(group);
        if (table == null) {
            return;
        }
        synchronized (table) {
            for (MessageQueue queue : queues) {
                Lock lock = table.get(queue);
                if (lock != null && lock.clientId().equals(clientId)) {
                    table.remove(queue);
                }
            }
        }
    }
}
