package org.rocketmqhm.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic and output formats of the harness; no broker involved. */
class BenchmarkFiguresTests {

    @Test
    void percentilesComeFromRecordedLatencies() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            recorder.recordNanos(i * 1_000_000L);
        }
        assertThat(recorder.count()).isEqualTo(1000);
        assertThat(recorder.percentileMillis(50)).isCloseTo(500, within(1.0));
        assertThat(recorder.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(recorder.percentileMillis(99.9)).isCloseTo(999, within(1.0));
    }

    @Test
    void mergedRecordersHoldBothSamples() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        a.recordNanos(1_000_000);
        b.recordNanos(3_000_000);
        a.merge(b);
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.maxMillis()).isCloseTo(3.0, within(0.01));
    }

    @Test
    void emptyRecorderPrintsNullPercentiles() {
        ScenarioResult result = new ScenarioResult("l", "s");
        new LatencyRecorder().putInto(result, "x_");
        assertThat(result.toJson()).contains("\"x_p50_ms\":null");
    }

    @Test
    void resultIsOneJsonLineWithPrefixAndEscapes() {
        ScenarioResult result = new ScenarioResult("apache/ASYNC_FLUSH/1", "produce")
                .put("sent", 42L).put("rate", 1.5).put("ok", true).put("error", "say \"no\"\n");
        assertThat(result.toLine()).isEqualTo("BENCH {\"label\":\"apache/ASYNC_FLUSH/1\",\"scenario\":\"produce\","
                + "\"sent\":42,\"rate\":1.500,\"ok\":true,\"error\":\"say \\\"no\\\"\\n\"}");
    }

    @Test
    void vmRssIsReadFromStatusLines() {
        List<String> status = List.of("Name:\tjava", "VmRSS:\t  123456 kB", "RssAnon:\t  100000 kB");
        assertThat(ProcessMemory.parseKib(status, "VmRSS")).hasValue(123456);
        assertThat(ProcessMemory.parseKib(status, "RssAnon")).hasValue(100000);
        assertThat(ProcessMemory.parseKib(status, "RssShmem")).isEmpty();
        assertThat(ProcessMemory.residentKib(ProcessHandle.current().pid())).isPresent();
    }

    @Test
    void summaryAveragesRoundsAndDividesOursByApache() {
        List<String> lines = List.of(
                "BENCH {\"label\":\"apache/ASYNC_FLUSH/1\",\"scenario\":\"produce-1k-8t\",\"msgs_per_s\":100.0}",
                "BENCH {\"label\":\"apache/ASYNC_FLUSH/2\",\"scenario\":\"produce-1k-8t\",\"msgs_per_s\":300.0}",
                "noise",
                "BENCH {\"label\":\"ours/ASYNC_FLUSH/1\",\"scenario\":\"produce-1k-8t\",\"msgs_per_s\":300.0}");
        String table = Summary.render(lines);
        assertThat(table).containsPattern("ASYNC_FLUSH +produce-1k-8t +msgs_per_s +200.00 +300.00 +1.50 +2,1");
    }
}
