package org.rocketmqhm.core.protocol.header;

/** GET_EARLIEST_MSG_STORETIME response. */
public record EarliestMsgStoretimeResponseHeader(
        Long timestamp) {
}
