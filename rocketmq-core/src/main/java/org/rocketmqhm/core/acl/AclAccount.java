package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.SystemTopics;

import javax.crypto.spec.SecretKeySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account compiled for checking: the HMAC key, the parsed white-address pattern and the explicit permissions
 * keyed by resource (topics by name, groups as {@code %RETRY%<group>}). Immutable and thread-safe.
 *
 * @param accessKey account name
 * @param key HMAC key of the secret key
 * @param whiteAddress peers matching it skip signature and permission checks
 * @param admin whether admin-only codes are allowed
 * @param defaultTopicPerm permission on unlisted topics
 * @param defaultGroupPerm permission on unlisted groups
 * @param resourcePerms explicit permissions; null when the account lists none
 * @since 0.3.0
 */
public record AclAccount(String accessKey, SecretKeySpec key, AddressPattern whiteAddress, boolean admin,
                         byte defaultTopicPerm, byte defaultGroupPerm, Map<String, Byte> resourcePerms) {

    /**
     * @throws AclException when the account is invalid
     */
    public static AclAccount compile(PlainAccessConfig config) {
        config.validate();
        Map<String, Byte> perms = new HashMap<>();
        addPerms(perms, config.topicPerms(), "");
        addPerms(perms, config.groupPerms(), SystemTopics.RETRY_GROUP_TOPIC_PREFIX);
        return new AclAccount(config.accessKey(), AclSigner.key(config.secretKey()),
            AddressPattern.parse(config.whiteRemoteAddress()), config.admin(),
            Permission.parse(config.defaultTopicPerm()), Permission.parse(config.defaultGroupPerm()),
            perms.isEmpty() ? null : Map.copyOf(perms));
    }

    private static void addPerms(Map<String, Byte> perms, List<String> entries, String prefix) {
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            String[] items = entry.split("=");
            perms.put(prefix + items[0].trim(), Permission.parse(items[1]));
        }
    }
}
