package org.rocketmqhm.core.client.admin;

import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.SortedMap;

/**
 * A consumer group's progress on a topic: per read queue the broker's max offset, the group's committed offset
 * and the lag between them, plus the total lag. Immutable.
 *
 * @param queues per-queue progress, sorted by queue
 * @param totalLag sum of the queue lags
 */
public record GroupProgress(SortedMap<MessageQueue, QueueProgress> queues, long totalLag) {

    /** One queue's progress; {@code lag = max(0, brokerOffset - consumerOffset)}. */
    public record QueueProgress(long brokerOffset, long consumerOffset, long lag, long lastTimestamp) {
    }
}
