package org.rocketmqhm.core.store;

/**
 * Snapshot of whether the store accepts writes and why not, for the broker and health endpoints. Immutable.
 *
 * @param writable whether puts are accepted
 * @param diskUsedRatio used fraction (0..1) of the store partition at the last check, -1 if unknown
 * @param cleanRatio usage above which expired files are deleted at any hour ({@code diskMaxUsedSpaceRatio}/100)
 * @param cleanForciblyRatio usage above which the oldest files are deleted even if not expired
 * @param hardLimitRatio usage above which puts are refused
 * @param reason why the store is not writable (null when writable)
 * @since 0.2.0
 */
public record StoreHealth(boolean writable, double diskUsedRatio, double cleanRatio, double cleanForciblyRatio,
        double hardLimitRatio, String reason) {
}
