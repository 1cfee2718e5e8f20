package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** Committed offsets, keyed {@code topic@group} then queue id (consumerOffset.json, GET_ALL_CONSUMER_OFFSET). */
public record ConsumerOffsetSerializeWrapper(Map<String, Map<Integer, Long>> offsetTable) {
}
