package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** UPDATE_AND_CREATE_ACL_CONFIG (50): one account; {@code topicPerms}/{@code groupPerms} are comma-joined {@code res=PERM}. */
public record CreateAccessConfigRequestHeader(
        @Required String accessKey,
        String secretKey,
        String whiteRemoteAddress,
        String defaultTopicPerm,
        String defaultGroupPerm,
        boolean admin,
        String topicPerms,
        String groupPerms) {
}
