package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** REGISTER_BROKER request. */
public record RegisterBrokerRequestHeader(
        @Required String brokerName,
        @Required String brokerAddr,
        @Required String clusterName,
        @Required String haServerAddr,
        @Required Long brokerId,
        Boolean compressed,
        Integer bodyCrc32) {
}
