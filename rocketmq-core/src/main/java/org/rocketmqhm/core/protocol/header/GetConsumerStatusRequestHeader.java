package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** INVOKE_BROKER_TO_GET_CONSUMER_STATUS and GET_CONSUMER_STATUS_FROM_CLIENT request. */
public record GetConsumerStatusRequestHeader(
        @Required String topic,
        @Required String group,
        String clientAddr) {
}
