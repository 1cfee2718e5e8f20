package org.rocketmqhm.spring.core;

import java.time.Duration;

/**
 * Maps an arbitrary delay to a RocketMQ 4.x delay level. Brokers support 18 fixed levels
 * ({@code 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h}); a delay becomes the smallest level that is at
 * least as long, capped at level 18 (2 hours). Stateless.
 *
 * @since 0.1.0
 */
public final class DelayLevels {

    private static final long[] LEVEL_SECONDS = {1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600,
        1200, 1800, 3600, 7200};

    private DelayLevels() {
    }

    /** @param delay requested delay @return level 1-18, or 0 for no delay */
    public static int levelFor(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return 0;
        }
        long millis = delay.toMillis();
        for (int i = 0; i < LEVEL_SECONDS.length; i++) {
            if (LEVEL_SECONDS[i] * 1000 >= millis) {
                return i + 1;
            }
        }
        return LEVEL_SECONDS.length;
    }
}
