package org.rocketmqhm.core.protocol.header;

/** WIPE_WRITE_PERM_OF_BROKER response. */
public record WipeWritePermResponseHeader(
        Integer wipeTopicCount) {
}
