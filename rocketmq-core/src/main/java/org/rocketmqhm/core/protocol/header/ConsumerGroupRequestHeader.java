package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** Requests naming one consumer group (GET_CONSUMER_LIST_BY_GROUP, NOTIFY_CONSUMER_IDS_CHANGED, GET_CONSUMER_CONNECTION_LIST). */
public record ConsumerGroupRequestHeader(
        @Required String consumerGroup) {
}
