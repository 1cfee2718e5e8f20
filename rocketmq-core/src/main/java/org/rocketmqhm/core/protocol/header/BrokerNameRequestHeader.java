package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** WIPE_WRITE_PERM_OF_BROKER and ADD_WRITE_PERM_OF_BROKER request. */
public record BrokerNameRequestHeader(
        @Required String brokerName) {
}
