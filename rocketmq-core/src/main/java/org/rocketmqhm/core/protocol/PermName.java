package org.rocketmqhm.core.protocol;

/**
 * Permission bits of topics, queues and brokers: {@code 4} read, {@code 2} write, {@code 1} inherit (may serve as
 * an auto-creation template).
 *
 * @since 0.1.0
 */
public final class PermName {
    public static final int PERM_PRIORITY = 8;
    public static final int PERM_READ = 4;
    public static final int PERM_WRITE = 2;
    public static final int PERM_INHERIT = 1;

    private PermName() {
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }
}
