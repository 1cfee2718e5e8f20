package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** QUERY_CONSUMER_OFFSET request. */
public record QueryConsumerOffsetRequestHeader(
        @Required String consumerGroup,
        @Required String topic,
        @Required Integer queueId,
        String bname) {
}
