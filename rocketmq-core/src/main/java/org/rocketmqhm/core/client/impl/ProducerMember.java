package org.rocketmqhm.core.client.impl;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.header.CheckTransactionStateRequestHeader;

/**
 * What a {@link org.rocketmqhm.core.client.ClientInstance} needs from a producer registered with it.
 *
 * @since 0.1.0
 */
public interface ProducerMember {

    String producerGroup();

    /** Answers a broker's check-back; the default ignores it (non-transactional producers). */
    default void checkTransactionState(String brokerAddress, MessageExt message,
                                       CheckTransactionStateRequestHeader header) {
    }
}
