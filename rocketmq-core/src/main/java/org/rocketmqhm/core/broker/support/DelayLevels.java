package org.rocketmqhm.core.broker.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The delay-level table of store setting {@code messageDelayLevel} ({@code "1s 5s 10s 30s 1m … 2h"}): level
 * {@code n} (1-based) to milliseconds. Units s, m, h, d. Immutable.
 *
 * @since 0.1.0
 */
public final class DelayLevels {

    private final long[] millis;

    private DelayLevels(long[] millis) {
        this.millis = millis;
    }

    /**
     * @param spec levels separated by spaces
     * @throws IllegalArgumentException naming {@code messageDelayLevel} on a malformed entry
     */
    public static DelayLevels parse(String spec) {
        List<Long> out = new ArrayList<>();
        for (String part : spec.trim().split("\\s+")) {
            if (part.length() < 2) {
                throw new IllegalArgumentException("messageDelayLevel entry '" + part + "' is not <number><s|m|h|d>");
            }
            char unit = part.charAt(part.length() - 1);
            long factor = switch (unit) {
                case 's' -> 1000L;
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                case 'd' -> 86_400_000L;
                default -> throw new IllegalArgumentException(
                    "messageDelayLevel entry '" + part + "' has unknown unit " + unit);
            };
            try {
                out.add(Long.parseLong(part.substring(0, part.length() - 1)) * factor);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("messageDelayLevel entry '" + part + "' is not a number", e);
            }
        }
        return new DelayLevels(out.stream().mapToLong(Long::longValue).toArray());
    }

    public int maxLevel() {
        return millis.length;
    }

    /** @param level 1..maxLevel (clamped) @return the level's delay in milliseconds */
    public long delayMillis(int level) {
        return millis[Math.max(1, Math.min(level, millis.length)) - 1];
    }
}
