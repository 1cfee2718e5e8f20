package org.rocketmqhm.core.broker.stats;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One statistic of one key ({@code topic}, {@code topic@group}, cluster name, ...) with its history, sampled by
 * {@link BrokerStats}: every 10 s into the minute ring (7 samples kept), every 10 min into the hour ring (7) and
 * every hour into the day ring (25). A window's figures compare the live counter with the oldest sample of its
 * ring, so they are current without waiting for the next sample. Each ring starts with a zero sample at the
 * moment the key's counter was still zero. The counter is read only when sampling or reporting, never locked
 * by the hot path; the rings are guarded by their own monitors (sampler and readers only).
 *
 * @since 0.3.0
 */
public final class StatsItem {

    /** Sampling periods and ring sizes of the three windows. */
    enum Window {
        MINUTE(10_000L, 7), HOUR(600_000L, 7), DAY(3_600_000L, 25);

        final long periodMillis;
        final int samples;

        Window(long periodMillis, int samples) {
            this.periodMillis = periodMillis;
            this.samples = samples;
        }
    }

    private record Sample(long timestamp, long times, long value) {
    }

    private final StatsCounter counter;
    private final Deque<Sample>[] rings;

    @SuppressWarnings("unchecked")
    StatsItem(StatsCounter counter, long zeroTimestamp) {
        this.counter = counter;
        this.rings = new Deque[Window.values().length];
        for (Window w : Window.values()) {
            rings[w.ordinal()] = new ArrayDeque<>(w.samples + 1);
            rings[w.ordinal()].add(new Sample(zeroTimestamp, 0, 0));
        }
    }

    /** @return the live counter */
    public StatsCounter counter() {
        return counter;
    }

    void sample(Window window, long now) {
        Deque<Sample> ring = rings[window.ordinal()];
        Sample s = new Sample(now, counter.times(), counter.value());
        synchronized (ring) {
            ring.addLast(s);
            while (ring.size() > window.samples) {
                ring.removeFirst();
            }
        }
    }

    /** @return the last minute (60 to 70 s) */
    public StatsSnapshot minute() {
        return snapshot(Window.MINUTE, System.currentTimeMillis());
    }

    /** @return the last hour (60 to 70 min) */
    public StatsSnapshot hour() {
        return snapshot(Window.HOUR, System.currentTimeMillis());
    }

    /** @return the last day (24 to 25 h) */
    public StatsSnapshot day() {
        return snapshot(Window.DAY, System.currentTimeMillis());
    }

    StatsSnapshot snapshot(Window window, long now) {
        Sample first;
        Deque<Sample> ring = rings[window.ordinal()];
        synchronized (ring) {
            first = ring.peekFirst();
        }
        return between(first, now);
    }

    /**
     * @param millis look-back, at most an hour
     * @return value per second since the newest sample at least {@code millis} old (or the oldest kept)
     */
    public double tpsOver(long millis) {
        long now = System.currentTimeMillis();
        Deque<Sample> ring = rings[(millis <= 60_000 ? Window.MINUTE : Window.HOUR).ordinal()];
        Sample base = null;
        synchronized (ring) {
            for (Sample s : ring) {
                if (base == null || now - s.timestamp >= millis) {
                    base = s;
                }
            }
        }
        return between(base, now).tps();
    }

    private StatsSnapshot between(Sample first, long now) {
        if (first == null) {
            return StatsSnapshot.ZERO;
        }
        long sum = counter.value() - first.value;
        long times = counter.times() - first.times;
        long elapsed = now - first.timestamp;
        double tps = elapsed > 0 ? sum * 1000.0 / elapsed : 0;
        double avgpt = times > 0 ? (double) sum / times : 0;
        return new StatsSnapshot(sum, tps, avgpt);
    }
}
