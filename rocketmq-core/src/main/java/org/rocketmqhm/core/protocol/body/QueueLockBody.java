package org.rocketmqhm.core.protocol.body;

import java.util.Set;

/** LOCK_BATCH_MQ and UNLOCK_BATCH_MQ request body: a client's queues of one group. */
public record QueueLockBody(String consumerGroup, String clientId, Set<MessageQueue> mqSet, Boolean onlyThisBroker) {
}
