package org.rocketmqhm.core.protocol.header;

/** Response to every send code. */
public record SendMessageResponseHeader(
        String msgId,
        Integer queueId,
        Long queueOffset,
        String transactionId) {
}
