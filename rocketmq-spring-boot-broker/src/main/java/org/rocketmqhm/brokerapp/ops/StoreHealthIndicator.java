package org.rocketmqhm.brokerapp.ops;

import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.store.FileMessageStore;
import org.rocketmqhm.core.store.StoreHealth;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health component {@code store}: UP while the store accepts writes and disk use is below
 * {@code diskSpaceWarningLevelRatio}; DOWN with a reason otherwise (the store refuses writes at its hard limit,
 * which is at least the warning level; reporting DOWN from the warning level on lets readiness drop first). Reads the disk guard's snapshot (refreshed every {@code cleanResourceInterval}),
 * so a probe never touches the disk. Thread-safe.
 *
 * @since 0.2.0
 */
public final class StoreHealthIndicator extends AbstractHealthIndicator {

    private final Broker broker;

    public StoreHealthIndicator(Broker broker) {
        super("store health check failed");
        this.broker = broker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        FileMessageStore store = broker.store();
        if (store == null || !broker.isRunning()) {
            builder.down().withDetail("reason", "the broker is not running");
            return;
        }
        StoreHealth health = store.getHealth();
        double warningLevel = broker.storeConfig().getDiskSpaceWarningLevelRatio();
        String reason = health.writable() ? null : health.reason();
        if (reason == null && health.diskUsedRatio() >= warningLevel) {
            reason = String.format("disk %.1f%% used, at or above diskSpaceWarningLevelRatio %.1f%% (writes are"
                + " refused from %.1f%%)", health.diskUsedRatio() * 100, warningLevel * 100,
                health.hardLimitRatio() * 100);
        }
        builder.status(reason == null ? "UP" : "DOWN")
            .withDetail("path", broker.storeConfig().getStorePathRootDir())
            .withDetail("diskUsedRatio", round(health.diskUsedRatio()))
            .withDetail("writable", health.writable())
            .withDetail("warningLevelRatio", round(warningLevel))
            .withDetail("cleanRatio", round(health.cleanRatio()))
            .withDetail("cleanForciblyRatio", round(health.cleanForciblyRatio()))
            .withDetail("hardLimitRatio", round(health.hardLimitRatio()))
            .withDetail("commitLogBytes", Math.max(0, store.getMaxPhyOffset() - store.getMinPhyOffset()))
            .withDetail("dispatchBehindBytes", store.dispatchBehindBytes());
        if (reason != null) {
            builder.withDetail("reason", reason);
        }
    }

    private static double round(double ratio) {
        return Math.round(ratio * 10000) / 10000.0;
    }
}
