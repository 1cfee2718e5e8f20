package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_CONSUMER_RUNNING_INFO request. */
public record GetConsumerRunningInfoRequestHeader(
        @Required String consumerGroup,
        @Required String clientId,
        Boolean jstackEnable) {
}
