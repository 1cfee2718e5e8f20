package org.rocketmqhm.core.protocol.body;

import java.util.Set;

/** LOCK_BATCH_MQ response body: the queues now locked by the asking client. */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) {
}
