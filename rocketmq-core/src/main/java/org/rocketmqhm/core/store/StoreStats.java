package org.rocketmqhm.core.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Put/get counters. Thread-safe. @since 0.1.0 */
public final class StoreStats {

    private final LongAdder putMessageTimes = new LongAdder();
    private final LongAdder putMessageBytes = new LongAdder();
    private final LongAdder putFailures = new LongAdder();
    private final LongAdder getFoundTimes = new LongAdder();
    private final LongAdder getMissTimes = new LongAdder();
    private final Map<String, LongAdder> putTimesPerTopic = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> putBytesPerTopic = new ConcurrentHashMap<>();

    void onPut(String topic, int count, int bytes) {
        putMessageTimes.add(count);
        putMessageBytes.add(bytes);
        putTimesPerTopic.computeIfAbsent(topic, t -> new LongAdder()).add(count);
        putBytesPerTopic.computeIfAbsent(topic, t -> new LongAdder()).add(bytes);
    }

    void onPutFailure() {
        putFailures.increment();
    }

    void onGet(boolean found) {
        (found ? getFoundTimes : getMissTimes).increment();
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
        LongAdder a = putTimesPerTopic.get(topic);
        return a == null ? 0 : a.sum();
    }

    /** @param topic topic @return bytes put to the topic */
    public long putBytes(String topic) {
        LongAdder a = putBytesPerTopic.get(topic);
        return a == null ? 0 : a.sum();
    }
}
