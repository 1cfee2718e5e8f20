package org.rocketmqhm.core.broker.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * The two running totals behind one statistic: the summed value (messages, bytes, ...) and the number of
 * increments. Implementations are live views read when sampled; thread-safe.
 *
 * @since 0.3.0
 */
public interface StatsCounter {

    /** @return summed value since the broker started */
    long value();

    /** @return increments since the broker started */
    long times();

    /**
     * A counter owned by the stats component: two {@link LongAdder}s, so that the hot path adds without locks.
     *
     * @since 0.3.0
     */
    final class Adder implements StatsCounter {
        private final LongAdder value = new LongAdder();
        private final LongAdder times = new LongAdder();

        /** @param delta value to add @param count increments to add */
        public void add(long delta, int count) {
            value.add(delta);
            times.add(count);
        }

        @Override
        public long value() {
            return value.sum();
        }

        @Override
        public long times() {
            return times.sum();
        }
    }
}
