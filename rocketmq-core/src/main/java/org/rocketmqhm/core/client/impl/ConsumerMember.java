package org.rocketmqhm.core.client.impl;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.Map;
import java.util.Set;

/**
 * What a {@link org.rocketmqhm.core.client.ClientInstance} needs from a consumer registered with it.
 *
 * @since 0.1.0
 */
public interface ConsumerMember {

    String consumerGroup();

    /** @return the heartbeat entry of this consumer */
    ConsumerData consumerData();

    /** @return topics whose routes must be kept fresh */
    Set<String> subscribedTopics();

    /** Re-computes the queue assignment now. */
    void rebalance();

    /** Sends the in-memory offsets to the brokers (or the local file). */
    void persistOffsets();

    /** Moves the given queues to the given offsets (broker-initiated reset). */
    default void resetOffsets(String topic, Map<MessageQueue, Long> offsets) {
    }

    /**
     * @return this consumer's GET_CONSUMER_RUNNING_INFO answer without the instance-wide properties
     *         (name servers, client version), which the client instance adds; null to answer with the heartbeat data
     *         only
     */
    default ConsumerRunningInfo runningInfo() {
        return null;
    }

    /** @return true if the message was consumed successfully (CONSUME_MESSAGE_DIRECTLY) */
    default boolean consumeDirectly(MessageExt message) {
        return false;
    }
}
