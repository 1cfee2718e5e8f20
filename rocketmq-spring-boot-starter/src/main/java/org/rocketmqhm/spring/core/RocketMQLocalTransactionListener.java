package org.rocketmqhm.spring.core;

import org.springframework.messaging.Message;

/**
 * Runs the local transaction of a transactional send and answers the broker's check-backs. Register an
 * implementation with {@code @RocketMQTransactionListener}.
 *
 * @since 0.1.0
 */
public interface RocketMQLocalTransactionListener {

    /**
     * Runs the local transaction after the half message is stored.
     *
     * @param msg the half message (payload as sent, {@code rocketmq_TRANSACTION_ID} header set)
     * @param arg the argument given to {@code sendMessageInTransaction}
     * @return the outcome
     */
    RocketMQLocalTransactionState executeLocalTransaction(Message<?> msg, Object arg);

    /**
     * Answers a broker check-back for a half message whose outcome was {@link RocketMQLocalTransactionState#UNKNOWN}.
     *
     * @param msg the half message (payload {@code byte[]}, headers from its properties)
     * @return the outcome
     */
    RocketMQLocalTransactionState checkLocalTransaction(Message<?> msg);
}
