package org.rocketmqhm.core.protocol.body;

/** One queue's bounds in TopicStatsTable. */
public record TopicOffset(long minOffset, long maxOffset, long lastUpdateTimestamp) {
}
