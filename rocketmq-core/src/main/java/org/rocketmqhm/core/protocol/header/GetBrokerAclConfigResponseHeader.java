package org.rocketmqhm.core.protocol.header;

/**
 * GET_BROKER_CLUSTER_ACL_INFO (52) response: {@code version} is the ACL DataVersion as JSON text,
 * {@code allAclFileVersion} a JSON object of file path to DataVersion.
 */
public record GetBrokerAclConfigResponseHeader(
        String version,
        String brokerName,
        String brokerAddr,
        String clusterName,
        String allAclFileVersion) {
}
