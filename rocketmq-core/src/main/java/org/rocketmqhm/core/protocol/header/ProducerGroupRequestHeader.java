package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_PRODUCER_CONNECTION_LIST request. */
public record ProducerGroupRequestHeader(
        @Required String producerGroup) {
}
