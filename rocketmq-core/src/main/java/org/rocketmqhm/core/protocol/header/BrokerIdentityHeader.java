package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** UNREGISTER_BROKER and QUERY_DATA_VERSION request. */
public record BrokerIdentityHeader(
        @Required String brokerName,
        @Required String brokerAddr,
        @Required String clusterName,
        @Required Long brokerId) {
}
