package org.rocketmqhm.core.protocol.header;

/** ADD_WRITE_PERM_OF_BROKER response. */
public record AddWritePermResponseHeader(
        Integer addTopicCount) {
}
