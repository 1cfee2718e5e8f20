package org.rocketmqhm.core.client.producer;

import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;

/**
 * Runs the local transaction of a half message and answers the broker's check-backs.
 *
 * @since 0.1.0
 */
public interface TransactionListener {

    /** Runs after the half message is stored; UNKNOW leaves the decision to a later check-back. */
    LocalTransactionState executeLocalTransaction(Message message, Object arg);

    /** Called on the producer's check executor when the broker asks for the state of a half message. */
    LocalTransactionState checkLocalTransaction(MessageExt message);
}
