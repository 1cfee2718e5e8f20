package org.rocketmqhm.core.acl;

import java.util.List;

/**
 * GET_BROKER_CLUSTER_ACL_CONFIG (54) response body, {@code {"globalWhiteAddrs":[…],"plainAccessConfigs":[…]}}
 * (Apache's {@code AclConfig} reads it). Immutable.
 *
 * @param globalWhiteAddrs the global white address patterns
 * @param plainAccessConfigs the accounts
 * @since 0.3.0
 */
public record AclConfigBody(List<String> globalWhiteAddrs, List<PlainAccessConfig> plainAccessConfigs) {
}
