package org.rocketmqhm.core.client.consumer.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * AllocateMessageQueueAveragely (§5.14): consecutive slices of the sorted queue list over the sorted client ids;
 * the first {@code n % c} clients get one extra queue. Stateless.
 *
 * @since 0.1.0
 */
public final class QueueAllocator {

    private QueueAllocator() {
    }

    /** @return the queues of {@code clientId}; empty if it is not among {@code clientIds} */
    public static <Q> List<Q> allocate(List<Q> sortedQueues, List<String> sortedClientIds, String clientId) {
        int index = sortedClientIds.indexOf(clientId);
        int n = sortedQueues.size();
        int c = sortedClientIds.size();
        if (index < 0 || n == 0) {
            return List.of();
        }
        int mod = n % c;
        int size = n <= c ? 1 : (mod > 0 && index < mod ? n / c + 1 : n / c);
        int start = mod > 0 && index < mod ? index * size : index * size + mod;
        int count = Math.min(size, n - start);
        List<Q> out = new ArrayList<>(Math.max(count, 0));
        for (int k = 0; k < count; k++) {
            out.add(sortedQueues.get((start + k) % n));
        }
        return out;
    }
}
