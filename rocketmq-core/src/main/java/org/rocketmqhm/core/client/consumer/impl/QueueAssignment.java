package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.impl.TopicRoute;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which queues of a topic this client owns (§5.14: all of them when broadcasting, an averaged slice of the sorted
 * queues over the sorted group members when clustering) and where a newly owned queue starts (§5.13). Stateless.
 *
 * @since 0.1.0
 */
public final class QueueAssignment {

    private QueueAssignment() {
    }

    /** @return the owned queues, or null when the topic's route is unknown (try again later) */
    public static Set<MessageQueue> assign(ConsumerBrokerApi api, String topic, MessageModel model) {
        TopicRoute route = api.instance().routeOrNull(topic);
        if (route == null) {
            return null;
        }
        List<MessageQueue> all = route.readQueues();
        if (model == MessageModel.BROADCASTING) {
            return new LinkedHashSet<>(all);
        }
        List<String> ids = api.consumerIds(route);
        if (ids.isEmpty()) {
            return null;
        }
        return new LinkedHashSet<>(QueueAllocator.allocate(all, ids, api.instance().clientId()));
    }

    /** @return the first offset to pull of a newly owned queue: the stored one, else per consumeFromWhere */
    public static long startOffset(ConsumerBrokerApi api, OffsetStore store, MessageQueue queue,
                                   ConsumeFromWhere from, long consumeTimestamp) {
        long stored = store.readStored(queue);
        if (stored >= 0) {
            return stored;
        }
        boolean retry = SystemTopics.isRetryTopic(queue.topic());
        return switch (from) {
            case CONSUME_FROM_FIRST_OFFSET, CONSUME_FROM_MIN_OFFSET -> 0;
            case CONSUME_FROM_TIMESTAMP -> retry ? api.maxOffset(queue) : api.searchOffset(queue, consumeTimestamp);
            default -> retry ? 0 : api.maxOffset(queue);
        };
    }
}
