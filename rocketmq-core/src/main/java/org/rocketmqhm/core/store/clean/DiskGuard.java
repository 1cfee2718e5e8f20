package org.rocketmqhm.core.store.clean;

import org.rocketmqhm.core.store.StoreHealth;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses writes while the store partition is above the hard limit and lets them through again once space
 * returns. The hard limit is {@code diskSpaceWarningLevelRatio} (default 0.90), raised to
 * {@code diskMaxUsedSpaceRatio + 5 %} (capped at 0.99) if that is higher, so cleaning always starts first.
 * {@link #check()} probes the disk (clean thread, every {@code cleanResourceInterval}); the put path only reads
 * a volatile snapshot. Thread-safe.
 *
 * @since 0.2.0
 */
public final class DiskGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DiskGuard.class);

    private final MessageStoreConfig config;
    private final DiskUsage disk;
    private volatile StoreHealth health;

    /** @param config settings @param disk usage probe */
    public DiskGuard(MessageStoreConfig config, DiskUsage disk) {
        this.config = config;
        this.disk = disk;
        this.health = new StoreHealth(true, -1, cleanRatio(), config.getDiskSpaceCleanForciblyRatio(),
                hardLimit(), null);
    }

    /** @return usage ratio above which expired files are deleted at any hour */
    public double cleanRatio() {
        int pct = Math.max(10, Math.min(95, config.getDiskMaxUsedSpaceRatio()));
        return pct / 100.0;
    }

    /** @return usage ratio above which puts are refused */
    public double hardLimit() {
        return Math.max(config.getDiskSpaceWarningLevelRatio(), Math.min(0.99, cleanRatio() + 0.05));
    }

    /** Probes the disk and updates the health snapshot. @return the new snapshot */
    public StoreHealth check() {
        String path = config.commitLogDir();
        double ratio = Math.max(disk.usedRatio(path), disk.usedRatio(config.consumeQueueDir()));
        double hard = hardLimit();
        boolean writable = ratio < hard;
        String reason = writable ? null : String.format(
                "disk full: %s is %.1f%% used, above the %.1f%% limit (diskSpaceWarningLevelRatio); "
                        + "writes are refused until space is freed", path, ratio * 100, hard * 100);
        StoreHealth prev = health;
        StoreHealth next = new StoreHealth(writable, ratio, cleanRatio(), config.getDiskSpaceCleanForciblyRatio(),
                hard, reason);
        health = next;
        if (prev.writable() && !writable) {
            LOG.error("store is no longer writable: {}", reason);
        } else if (!prev.writable() && writable) {
            LOG.info("store writable again: disk {}% used", String.format("%.1f", ratio * 100));
        }
        return next;
    }

    /** @return last snapshot (cheap; no disk access) */
    public StoreHealth health() {
        return health;
    }
}
