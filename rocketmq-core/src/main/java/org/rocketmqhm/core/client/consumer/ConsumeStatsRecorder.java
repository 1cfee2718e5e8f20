package org.rocketmqhm.core.client.consumer;

import org.rocketmqhm.core.client.impl.ConsumerRunningInfo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One consumer's per-topic pull and consume figures, reported as the {@code statusTable} of its running info
 * (GET_CONSUMER_RUNNING_INFO) with the meaning Apache 4.9.x clients give them:
 * <pre>
 * pullRT            mean round trip of FOUND pull responses, ms, last minute
 * pullTPS           messages pulled per second, last minute
 * consumeRT         mean listener call time, ms, last minute (the last hour when no call finished in the minute)
 * consumeOKTPS      messages consumed successfully per second, last minute
 * consumeFailedTPS  messages whose listener call failed (RECONSUME_LATER, SUSPEND, exception) per second, last minute
 * consumeFailedMsgs failed messages in the last hour
 * </pre>
 * Figures are recorded by topic as the queue names it, so {@code %RETRY%group} has its own entry. Times are kept
 * in microseconds, so sub-millisecond round trips do not average to 0.
 * <p>
 * The hot path ({@link #pulled}, {@link #consumed}) does one map lookup and adds to {@link LongAdder}s; the entry of
 * a topic is created on its first figure. {@link #sample()}, run every {@link #SAMPLE_PERIOD_MILLIS} (see
 * {@link #scheduleOn}), copies every topic's totals into its minute ring (7 samples, so a window is 60 to 70 s)
 * and, every 10 minutes, into its hour ring (7 samples, 60 to 70 min); the rings reuse their sample arrays, so
 * sampling allocates nothing once they are full. A window compares the live totals with the oldest sample of its
 * ring, so figures are current without waiting for a sample; each ring starts with a zero sample taken when the
 * topic's entry was created. Thread-safe: counters are lock-free, each ring is guarded by its own monitor (sampler
 * and readers only).
 *
 * @since 0.4.0
 */
public final class ConsumeStatsRecorder {

    /** How often {@link #sample()} should run. */
    public static final long SAMPLE_PERIOD_MILLIS = 10_000;
    static final int MINUTE_SAMPLES = 7;
    static final long HOUR_PERIOD_MILLIS = 600_000;
    static final int HOUR_SAMPLES = 7;

    private static final int PULL_RT = 0;
    private static final int PULLS = 1;
    private static final int PULLED = 2;
    private static final int CONSUME_RT = 3;
    private static final int CALLS = 4;
    private static final int OK = 5;
    private static final int FAILED = 6;
    private static final int FIELDS = 7;

    private final LongSupplier clock;
    private final Map<String, TopicStats> topics = new ConcurrentHashMap<>();

    /** A recorder on the wall clock. */
    public ConsumeStatsRecorder() {
        this(System::currentTimeMillis);
    }

    /** @param clock epoch millis source (tests) */
    public ConsumeStatsRecorder(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Records a FOUND pull response.
     *
     * @param topic the queue's topic (wire form)
     * @param roundTripMicros request to response
     * @param messages messages it delivered to the consumer (after client-side filtering)
     */
    public void pulled(String topic, long roundTripMicros, int messages) {
        TopicStats t = topic(topic);
        t.add(PULL_RT, roundTripMicros);
        t.add(PULLS, 1);
        if (messages > 0) {
            t.add(PULLED, messages);
        }
    }

    /**
     * Records one finished listener call.
     *
     * @param topic the queue's topic (wire form)
     * @param elapsedMicros time spent in the listener
     * @param ok messages consumed successfully
     * @param failed messages to consume again
     */
    public void consumed(String topic, long elapsedMicros, int ok, int failed) {
        TopicStats t = topic(topic);
        t.add(CONSUME_RT, elapsedMicros);
        t.add(CALLS, 1);
        if (ok > 0) {
            t.add(OK, ok);
        }
        if (failed > 0) {
            t.add(FAILED, failed);
        }
    }

    private TopicStats topic(String topic) {
        TopicStats t = topics.get(topic);
        return t != null ? t : topics.computeIfAbsent(topic, k -> new TopicStats(clock.getAsLong()));
    }

    /** Samples every topic's totals into its rings (every {@link #SAMPLE_PERIOD_MILLIS}). */
    public void sample() {
        long now = clock.getAsLong();
        for (TopicStats t : topics.values()) {
            t.minute.add(now, t.counters);
            if (now - t.hour.newestTimestamp() >= HOUR_PERIOD_MILLIS - SAMPLE_PERIOD_MILLIS / 2) {
                t.hour.add(now, t.counters);
            }
        }
    }

    /**
     * Runs {@link #sample()} every {@link #SAMPLE_PERIOD_MILLIS} on a shared scheduler (the client instance's).
     *
     * @return the task, to cancel when the consumer stops
     */
    public ScheduledFuture<?> scheduleOn(ScheduledExecutorService scheduler) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ConsumeStatsRecorder.class).warn("stats sampling failed", e);
            }
        }, SAMPLE_PERIOD_MILLIS, SAMPLE_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** @return the topic's figures now; all zero when nothing was recorded for it */
    public ConsumerRunningInfo.ConsumeStatus status(String topic) {
        TopicStats t = topics.get(topic);
        if (t == null) {
            return new ConsumerRunningInfo.ConsumeStatus(0, 0, 0, 0, 0, 0);
        }
        long now = clock.getAsLong();
        long[] live = new long[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            live[i] = t.counters[i].sum();
        }
        long[] minute = t.minute.oldest();
        long[] hour = t.hour.oldest();
        double seconds = (now - minute[FIELDS]) / 1000.0;
        double consumeRt = mean(live, minute, CONSUME_RT, CALLS);
        if (live[CALLS] == minute[CALLS]) {
            consumeRt = mean(live, hour, CONSUME_RT, CALLS);
        }
        return new ConsumerRunningInfo.ConsumeStatus(mean(live, minute, PULL_RT, PULLS),
            rate(live, minute, PULLED, seconds), consumeRt, rate(live, minute, OK, seconds),
            rate(live, minute, FAILED, seconds), live[FAILED] - hour[FAILED]);
    }

    /** @return mean of a microsecond total per increment, in ms */
    private static double mean(long[] live, long[] base, int micros, int times) {
        long n = live[times] - base[times];
        return n > 0 ? (live[micros] - base[micros]) / 1000.0 / n : 0;
    }

    private static double rate(long[] live, long[] base, int field, double seconds) {
        return seconds > 0 ? (live[field] - base[field]) / seconds : 0;
    }

    private static final class TopicStats {
        final LongAdder[] counters = new LongAdder[FIELDS];
        final Ring minute;
        final Ring hour;

        TopicStats(long created) {
            for (int i = 0; i < FIELDS; i++) {
                counters[i] = new LongAdder();
            }
            minute = new Ring(MINUTE_SAMPLES, created);
            hour = new Ring(HOUR_SAMPLES, created);
        }

        void add(int field, long delta) {
            counters[field].add(delta);
        }
    }

    /** Fixed ring of samples: the counters' totals plus the timestamp at index {@code FIELDS}. */
    private static final class Ring {
        private final long[][] samples;
        private int oldest;
        private int size;

        Ring(int capacity, long zeroTimestamp) {
            samples = new long[capacity][FIELDS + 1];
            samples[0][FIELDS] = zeroTimestamp;
            size = 1;
        }

        synchronized void add(long now, LongAdder[] counters) {
            long[] slot;
            if (size < samples.length) {
                slot = samples[(oldest + size) % samples.length];
                size++;
            } else {
                slot = samples[oldest];
                oldest = (oldest + 1) % samples.length;
            }
            for (int i = 0; i < FIELDS; i++) {
                slot[i] = counters[i].sum();
            }
            slot[FIELDS] = now;
        }

        synchronized long newestTimestamp() {
            return samples[(oldest + size - 1) % samples.length][FIELDS];
        }

        synchronized long[] oldest() {
            return samples[oldest].clone();
        }
    }
}
