package org.rocketmqhm.core.store.dispatch;

import java.util.Map;

/**
 * One commit-log record as seen by the dispatchers. Immutable.
 *
 * @param topic topic
 * @param queueId queue
 * @param commitLogOffset record offset
 * @param size record size
 * @param tagsCode consume-queue tags code
 * @param storeTimestamp store timestamp
 * @param queueOffset queue offset
 * @param sysFlag sysFlag
 * @param preparedTransactionOffset prepared-transaction offset
 * @param properties record properties
 * @since 0.1.0
 */
public record DispatchRequest(String topic, int queueId, long commitLogOffset, int size, long tagsCode,
        long storeTimestamp, long queueOffset, int sysFlag, long preparedTransactionOffset,
        Map<String, String> properties) {
}
