package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_BROKER_CONSUME_STATS (317) request; {@code isOrder} is sent by tools but does not change the answer. */
public record GetConsumeStatsInBrokerHeader(
        @Required boolean isOrder) {
}
