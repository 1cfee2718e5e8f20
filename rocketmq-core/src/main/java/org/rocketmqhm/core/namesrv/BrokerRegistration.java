package org.rocketmqhm.core.namesrv;

import io.netty.channel.Channel;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.TopicConfig;

import java.util.Map;

/**
 * One REGISTER_BROKER as the route table takes it.
 *
 * @param clusterName the broker's cluster
 * @param brokerName the broker name (shared by a master and its slaves)
 * @param brokerAddr {@code ip:port} clients connect to
 * @param brokerId 0 for the master
 * @param haServerAddr the replication address
 * @param dataVersion version of the topic configuration
 * @param topics the broker's topics by name
 * @param channel the connection the registration came on (may be null)
 */
public record BrokerRegistration(String clusterName, String brokerName, String brokerAddr, long brokerId,
                                 String haServerAddr, DataVersion dataVersion, Map<String, TopicConfig> topics,
                                 Channel channel) {
}
