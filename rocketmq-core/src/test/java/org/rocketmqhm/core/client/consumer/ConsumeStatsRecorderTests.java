package org.rocketmqhm.core.client.consumer;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.impl.ConsumerRunningInfo.ConsumeStatus;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Window arithmetic of {@link ConsumeStatsRecorder} on a controlled clock. */
class ConsumeStatsRecorderTests {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final ConsumeStatsRecorder recorder = new ConsumeStatsRecorder(now::get);

    /** Advances the clock by {@code periods} sampling periods, sampling after each, as the scheduler does. */
    private void advance(int periods) {
        for (int i = 0; i < periods; i++) {
            now.addAndGet(ConsumeStatsRecorder.SAMPLE_PERIOD_MILLIS);
            recorder.sample();
        }
    }

    @Test
    void unknownTopicReportsZeros() {
        assertThat(recorder.status("none")).isEqualTo(new ConsumeStatus(0, 0, 0, 0, 0, 0));
    }

    @Test
    void figuresAreCurrentBeforeTheFirstSample() {
        recorder.pulled("T", 2_000, 32);
        recorder.pulled("T", 4_000, 8);
        recorder.consumed("T", 500, 3, 0);
        recorder.consumed("T", 1_500, 0, 2);
        now.addAndGet(2_000);

        ConsumeStatus s = recorder.status("T");
        assertThat(s.pullRT()).isCloseTo(3.0, within(1e-9));
        assertThat(s.pullTPS()).isCloseTo(20.0, within(1e-9));
        assertThat(s.consumeRT()).isCloseTo(1.0, within(1e-9));
        assertThat(s.consumeOKTPS()).isCloseTo(1.5, within(1e-9));
        assertThat(s.consumeFailedTPS()).isCloseTo(1.0, within(1e-9));
        assertThat(s.consumeFailedMsgs()).isEqualTo(2);
    }

    @Test
    void minuteWindowForgetsFiguresOlderThanSixtyToSeventySeconds() {
        recorder.pulled("T", 10_000, 60);
        recorder.consumed("T", 2_000, 50, 10);
        advance(6);
        // 60 s later the zero sample is still the oldest: everything counts, over 60 s
        ConsumeStatus s = recorder.status("T");
        assertThat(s.pullTPS()).isCloseTo(1.0, within(1e-9));
        assertThat(s.consumeFailedTPS()).isCloseTo(10 / 60.0, within(1e-9));
        assertThat(s.pullRT()).isCloseTo(10.0, within(1e-9));

        recorder.pulled("T", 20_000, 70);
        advance(1);
        // the oldest sample is now the one after the first figures: only the second pull is in the minute
        s = recorder.status("T");
        assertThat(s.pullTPS()).isCloseTo(70 / 60.0, within(1e-9));
        assertThat(s.pullRT()).isCloseTo(20.0, within(1e-9));
        assertThat(s.consumeOKTPS()).isZero();
        assertThat(s.consumeFailedTPS()).isZero();
        // no listener call in the minute: consumeRT falls back to the hour; failures count for the hour
        assertThat(s.consumeRT()).isCloseTo(2.0, within(1e-9));
        assertThat(s.consumeFailedMsgs()).isEqualTo(10);
    }

    @Test
    void failedMessagesAreCountedForAnHour() {
        recorder.consumed("%RETRY%g", 1_000, 0, 4);
        advance(6 * 60); // one hour: 6 hour samples after the zero sample
        assertThat(recorder.status("%RETRY%g").consumeFailedMsgs()).isEqualTo(4);
        recorder.consumed("%RETRY%g", 1_000, 0, 1);
        advance(60); // ten more minutes: the hour ring drops its zero sample
        ConsumeStatus s = recorder.status("%RETRY%g");
        assertThat(s.consumeFailedMsgs()).isEqualTo(1);
        assertThat(s.consumeFailedTPS()).isZero();
        assertThat(s.consumeRT()).isCloseTo(1.0, within(1e-9));
        advance(6 * 60);
        assertThat(recorder.status("%RETRY%g")).isEqualTo(new ConsumeStatus(0, 0, 0, 0, 0, 0));
    }

    @Test
    void topicsAreKeptApart() {
        recorder.pulled("A", 1_000, 10);
        recorder.consumed("B", 1_000, 5, 0);
        now.addAndGet(1_000);
        assertThat(recorder.status("A").pullTPS()).isCloseTo(10.0, within(1e-9));
        assertThat(recorder.status("A").consumeOKTPS()).isZero();
        assertThat(recorder.status("B").pullTPS()).isZero();
        assertThat(recorder.status("B").consumeOKTPS()).isCloseTo(5.0, within(1e-9));
    }
}
