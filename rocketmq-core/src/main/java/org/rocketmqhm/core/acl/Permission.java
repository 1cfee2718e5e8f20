package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.RequestCode;

import java.util.Locale;
import java.util.Set;

/**
 * ACL permission bits (protocol §7.3): {@code DENY = 1}, {@code ANY = 2}, {@code PUB = 4}, {@code SUB = 8}, and the
 * request codes only admin accounts may send. Stateless.
 *
 * @since 0.3.0
 */
public final class Permission {

    public static final byte DENY = 1;
    public static final byte ANY = 1 << 1;
    public static final byte PUB = 1 << 2;
    public static final byte SUB = 1 << 3;

    private static final Set<Integer> ADMIN_CODES = Set.of(RequestCode.UPDATE_AND_CREATE_TOPIC,
        RequestCode.UPDATE_BROKER_CONFIG, RequestCode.DELETE_TOPIC_IN_BROKER,
        RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.DELETE_SUBSCRIPTIONGROUP);

    private Permission() {
    }

    /** @return the bits of {@code DENY}, {@code PUB}, {@code SUB}, {@code PUB|SUB} or {@code SUB|PUB}; anything else (or null) is DENY */
    public static byte parse(String text) {
        if (text == null) {
            return DENY;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "PUB" -> PUB;
            case "SUB" -> SUB;
            case "PUB|SUB", "SUB|PUB" -> (byte) (PUB | SUB);
            default -> DENY;
        };
    }

    /** @return whether {@code owned} grants {@code needed}: DENY never does, ANY needs PUB or SUB, else a shared bit */
    public static boolean grants(byte owned, byte needed) {
        if ((owned & DENY) != 0) {
            return false;
        }
        if ((needed & ANY) != 0) {
            return (owned & (PUB | SUB)) != 0;
        }
        return (needed & owned) != 0;
    }

    /** @return whether only admin accounts may send this request code */
    public static boolean needsAdmin(int requestCode) {
        return ADMIN_CODES.contains(requestCode);
    }
}
