package org.rocketmqhm.core.acl;

import java.util.List;

/**
 * One account of {@code plain_acl.yml} as written (and as carried in GET_BROKER_CLUSTER_ACL_CONFIG bodies, whose
 * JSON uses these names). {@code topicPerms} entries read {@code topic=PERM}; {@code groupPerms} entries
 * {@code group=PERM}. Immutable.
 *
 * @param accessKey account name (longer than 6 characters)
 * @param secretKey HMAC key (longer than 6 characters)
 * @param whiteRemoteAddress peers matching this pattern skip signature and permission checks; may be null
 * @param admin whether the account may send admin-only requests
 * @param defaultTopicPerm permission on topics not listed in {@code topicPerms}; null means DENY
 * @param defaultGroupPerm permission on groups not listed in {@code groupPerms}; null means DENY
 * @param topicPerms explicit topic permissions; may be null
 * @param groupPerms explicit group permissions; may be null
 * @since 0.3.0
 */
public record PlainAccessConfig(String accessKey, String secretKey, String whiteRemoteAddress, boolean admin,
                                String defaultTopicPerm, String defaultGroupPerm, List<String> topicPerms,
                                List<String> groupPerms) {

    /** The minimum length (exclusive) of access and secret keys. */
    public static final int MIN_KEY_LENGTH = 6;

    /**
     * @throws AclException when a key is missing or too short, or a resource permission is malformed
     */
    public void validate() {
        if (accessKey == null || secretKey == null || accessKey.length() <= MIN_KEY_LENGTH
            || secretKey.length() <= MIN_KEY_LENGTH) {
            throw new AclException(String.format(
                "The accessKey=%s and secretKey=%s cannot be null and length should longer than 6",
                accessKey, secretKey));
        }
        checkResourcePerms(topicPerms);
        checkResourcePerms(groupPerms);
    }

    /** @return this account with the fields set in {@code update} replacing its own (secret, perms, admin…) */
    public PlainAccessConfig mergedWith(PlainAccessConfig update) {
        return new PlainAccessConfig(accessKey,
            blank(update.secretKey) ? secretKey : update.secretKey,
            update.whiteRemoteAddress != null ? update.whiteRemoteAddress : whiteRemoteAddress,
            update.admin,
            blank(update.defaultTopicPerm) ? defaultTopicPerm : update.defaultTopicPerm,
            blank(update.defaultGroupPerm) ? defaultGroupPerm : update.defaultGroupPerm,
            update.topicPerms != null ? update.topicPerms : topicPerms,
            update.groupPerms != null ? update.groupPerms : groupPerms);
    }

    private static void checkResourcePerms(List<String> perms) {
        if (perms == null) {
            return;
        }
        for (String entry : perms) {
            String[] items = entry == null ? new String[0] : entry.split("=");
            if (items.length != 2) {
                throw new AclException("Parse Resource format error for " + entry
                    + ". The expected resource format is 'Res=Perm'. For example: topicA=SUB");
            }
            String perm = items[1].trim();
            if (!"DENY".equals(perm) && Permission.parse(perm) == Permission.DENY) {
                throw new AclException("Parse resource permission error for " + entry
                    + ". The expected permissions are 'SUB' or 'PUB' or 'SUB|PUB' or 'PUB|SUB'.");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
