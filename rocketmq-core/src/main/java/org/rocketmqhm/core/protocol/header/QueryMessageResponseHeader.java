package org.rocketmqhm.core.protocol.header;

/** QUERY_MESSAGE response. */
public record QueryMessageResponseHeader(
        Long indexLastUpdateTimestamp,
        Long indexLastUpdatePhyoffset) {
}
