package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_CONSUME_STATS request. */
public record GetConsumeStatsRequestHeader(
        @Required String consumerGroup,
        String topic) {
}
