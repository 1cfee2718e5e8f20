package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.common.message.Message;

/**
 * The transactional producer behind {@link RocketMQTemplate#sendMessageInTransaction}, bound by
 * {@code @RocketMQTransactionListener}.
 *
 * @since 0.1.0
 */
public interface TransactionSupport {

    /**
     * @param message the client message to send as a half message
     * @param springMessage the original Spring message, handed to the local transaction
     * @param arg the caller's argument
     * @return the result with the local transaction's state
     */
    TransactionSendResult send(Message message, org.springframework.messaging.Message<?> springMessage, Object arg);

    /** Stops the transactional producer. */
    void shutdown();
}
