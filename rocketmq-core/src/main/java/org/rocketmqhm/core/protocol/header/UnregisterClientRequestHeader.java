package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** UNREGISTER_CLIENT request. */
public record UnregisterClientRequestHeader(
        @Required String clientID,
        String producerGroup,
        String consumerGroup) {
}
