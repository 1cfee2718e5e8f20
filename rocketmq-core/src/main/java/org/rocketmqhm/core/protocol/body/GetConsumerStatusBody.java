package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** INVOKE_BROKER_TO_GET_CONSUMER_STATUS response and GET_CONSUMER_STATUS_FROM_CLIENT body. */
public record GetConsumerStatusBody(Map<MessageQueue, Long> messageQueueTable,
                                    Map<String, Map<MessageQueue, Long>> consumerTable) {
}
