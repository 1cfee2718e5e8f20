package org.rocketmqhm.core.protocol.header;

/** PULL_MESSAGE response. */
public record PullMessageResponseHeader(
        Long suggestWhichBrokerId,
        Long nextBeginOffset,
        Long minOffset,
        Long maxOffset) {
}
