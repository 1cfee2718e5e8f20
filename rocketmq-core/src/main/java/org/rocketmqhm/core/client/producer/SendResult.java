package org.rocketmqhm.core.client.producer;

import org.rocketmqhm.core.protocol.body.MessageQueue;

/**
 * Result of a send.
 *
 * @param status how well the message was stored
 * @param msgId the client-generated unique id ({@code UNIQ_KEY}); comma-joined for a batch
 * @param offsetMsgId the broker's offset id(s) (store host + commit-log offset)
 * @param messageQueue the queue written
 * @param queueOffset the (first) message's queue offset
 * @param transactionId transaction id (the unique id for half messages), else null
 * @since 0.1.0
 */
public record SendResult(SendStatus status, String msgId, String offsetMsgId, MessageQueue messageQueue,
                         long queueOffset, String transactionId) {
}
