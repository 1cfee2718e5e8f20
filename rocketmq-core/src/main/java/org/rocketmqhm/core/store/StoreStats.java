package org.rocketmqhm.core.store;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Put/get counters, per topic too, and the put latency (count and total time, from the put call to its
 * acknowledgement under the flush policy). Thread-safe.
 *
 * @since 0.1.0
 */
public final class StoreStats {

    private final LongAdder putMessageTimes = new LongAdder();
    private final LongAdder putMessageBytes = new LongAdder();
    private final LongAdder putFailures = new LongAdder();
    private final LongAdder getFoundTimes = new LongAdder();
    private final LongAdder getMissTimes = new LongAdder();
    private final Map<String, TopicPuts> putsPerTopic = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> gotTimesPerTopic = new ConcurrentHashMap<>();
    private final LongAdder putLatencyCount = new LongAdder();
    private final LongAdder putLatencyNanos = new LongAdder();

    void onPut(String topic, int count, int bytes) {
        putMessageTimes.add(count);
        putMessageBytes.add(bytes);
        TopicPuts puts = putsPerTopic.get(topic);
        if (puts == null) {
            puts = putsPerTopic.computeIfAbsent(topic, t -> new TopicPuts());
        }
        puts.messages.add(count);
        puts.bytes.add(bytes);
        puts.calls.increment();
    }

    void onPutFailure() {
        putFailures.increment();
    }

    void onGet(boolean found) {
        (found ? getFoundTimes : getMissTimes).increment();
    }

    void onGot(String topic, int messages) {
        if (messages > 0) {
            gotTimesPerTopic.computeIfAbsent(topic, t -> new LongAdder()).add(messages);
        }
    }

    void onPutLatency(long nanos) {
        putLatencyCount.increment();
        putLatencyNanos.add(nanos);
    }

    /** @return acknowledged puts timed so far (batches count once) @since 0.2.0 */
    public long putLatencyCount() {
        return putLatencyCount.sum();
    }

    /** @return total time of the timed puts, in nanoseconds @since 0.2.0 */
    public long putLatencyTotalNanos() {
        return putLatencyNanos.sum();
    }

    /** @param topic topic @return messages returned by gets of the topic @since 0.2.0 */
    public long gotTimes(String topic) {
        LongAdder a = gotTimesPerTopic.get(topic);
        return a == null ? 0 : a.sum();
    }

    /** @return topics with put or get activity since start (copy) @since 0.2.0 */
    public Set<String> topics() {
        Set<String> all = new HashSet<>(putsPerTopic.keySet());
        all.addAll(gotTimesPerTopic.keySet());
        return Collections.unmodifiableSet(all);
    }

    public long putMessageTimes() {
        return putMessageTimes.sum();
    }

    public long putMessageBytes() {
        return putMessageBytes.sum();
    }

    public long putFailures() {
        return putFailures.sum();
    }

    public long getFoundTimes() {
        return getFoundTimes.sum();
    }

    public long getMissTimes() {
        return getMissTimes.sum();
    }

    /** @param topic topic @return messages put to the topic */
    public long putTimes(String topic) {
        TopicPuts p = putsPerTopic.get(topic);
        return p == null ? 0 : p.messages();
    }

    /** @param topic topic @return bytes put to the topic */
    public long putBytes(String topic) {
        TopicPuts p = putsPerTopic.get(topic);
        return p == null ? 0 : p.bytes();
    }

    /** @param topic topic @return the topic's put counters (live), or null before its first put @since 0.3.0 */
    public TopicPuts topicPuts(String topic) {
        return putsPerTopic.get(topic);
    }

    /** @return topics with at least one put (live view) @since 0.3.0 */
    public Set<String> putTopics() {
        return Collections.unmodifiableSet(putsPerTopic.keySet());
    }

    /**
     * Live put counters of one topic: messages, bytes and put calls (a batch is one call). Thread-safe.
     *
     * @since 0.3.0
     */
    public static final class TopicPuts {
        private final LongAdder messages = new LongAdder();
        private final LongAdder bytes = new LongAdder();
        private final LongAdder calls = new LongAdder();

        public long messages() {
            return messages.sum();
        }

        public long bytes() {
            return bytes.sum();
        }

        public long calls() {
            return calls.sum();
        }
    }
}
