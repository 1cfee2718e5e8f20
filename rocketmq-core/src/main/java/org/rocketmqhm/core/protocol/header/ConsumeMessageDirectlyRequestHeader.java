package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** CONSUME_MESSAGE_DIRECTLY request. */
public record ConsumeMessageDirectlyRequestHeader(
        @Required String consumerGroup,
        String clientId,
        String msgId,
        String brokerName) {
}
