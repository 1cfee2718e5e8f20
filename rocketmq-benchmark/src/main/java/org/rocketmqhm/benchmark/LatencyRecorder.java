package org.rocketmqhm.benchmark;

import org.HdrHistogram.Histogram;

/**
 * Latencies in microseconds, from 1 µs to 60 s at 3 significant digits. Not thread-safe: give each sending thread
 * its own recorder and {@link #merge} them at the end.
 *
 * @since 0.1.0
 */
public final class LatencyRecorder {

    private static final long MAX_MICROS = 60_000_000L;

    private final Histogram histogram = new Histogram(1, MAX_MICROS, 3);

    /** Records one latency given in nanoseconds; values outside the range are clamped. */
    public void recordNanos(long nanos) {
        long micros = Math.max(1, Math.min(MAX_MICROS, nanos / 1_000));
        histogram.recordValue(micros);
    }

    /** Adds every sample of {@code other} to this recorder. */
    public void merge(LatencyRecorder other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** @return the latency at {@code percentile} (0..100) in milliseconds, or NaN when nothing was recorded */
    public double percentileMillis(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** @return the largest latency in milliseconds, or NaN when nothing was recorded */
    public double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1_000.0;
    }

    /** Puts {@code <prefix>p50_ms}, {@code p99_ms}, {@code p999_ms} and {@code max_ms} into {@code result}. */
    public void putInto(ScenarioResult result, String prefix) {
        result.put(prefix + "p50_ms", percentileMillis(50))
                .put(prefix + "p99_ms", percentileMillis(99))
                .put(prefix + "p999_ms", percentileMillis(99.9))
                .put(prefix + "max_ms", maxMillis());
    }
}
