package org.rocketmqhm.core.store;

import java.util.Map;

/** Told after a record is dispatched to its consume queue (e.g. to wake long-polling pulls). @since 0.1.0 */
@FunctionalInterface
public interface MessageArrivalListener {

    /**
     * @param topic topic
     * @param queueId queue
     * @param logicOffset the queue's new max offset (next offset to be written)
     * @param tagsCode consume-queue tags code
     * @param storeTimestamp store timestamp
     * @param properties the record's properties
     */
    void arriving(String topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp,
            Map<String, String> properties);
}
