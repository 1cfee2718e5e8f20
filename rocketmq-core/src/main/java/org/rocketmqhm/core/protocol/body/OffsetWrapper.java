package org.rocketmqhm.core.protocol.body;

/** One queue's progress in ConsumeStats. */
public record OffsetWrapper(long brokerOffset, long consumerOffset, long lastTimestamp) {
}
