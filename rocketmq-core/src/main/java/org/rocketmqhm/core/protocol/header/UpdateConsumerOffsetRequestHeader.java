package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** UPDATE_CONSUMER_OFFSET request. */
public record UpdateConsumerOffsetRequestHeader(
        @Required String consumerGroup,
        @Required String topic,
        @Required Integer queueId,
        @Required Long commitOffset,
        String bname) {
}
