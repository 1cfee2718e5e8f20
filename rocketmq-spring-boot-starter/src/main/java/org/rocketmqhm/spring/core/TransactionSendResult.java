package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.producer.SendResult;

/**
 * Result of {@link RocketMQTemplate#sendMessageInTransaction}: the half message's send result and the state the
 * local transaction returned.
 *
 * @param sendResult the half message's send result
 * @param localTransactionState the local transaction's outcome (UNKNOWN leaves the decision to check-backs)
 * @since 0.1.0
 */
public record TransactionSendResult(SendResult sendResult, RocketMQLocalTransactionState localTransactionState) {

    /** @return the half message's unique id */
    public String getMsgId() {
        return sendResult.msgId();
    }

    /** @return the transaction id */
    public String getTransactionId() {
        return sendResult.transactionId();
    }

    /** @return the local transaction's outcome */
    public RocketMQLocalTransactionState getLocalTransactionState() {
        return localTransactionState;
    }
}
