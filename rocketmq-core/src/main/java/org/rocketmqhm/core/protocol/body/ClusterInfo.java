package org.rocketmqhm.core.protocol.body;

import java.util.Map;
import java.util.Set;

/** GET_BROKER_CLUSTER_INFO body: broker names with their members, and clusters with their broker names. */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {
}
