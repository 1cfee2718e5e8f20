package org.rocketmqhm.core.client.producer;

import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.List;

/**
 * Chooses the queue of an ordered send, e.g. {@code queues.get(Math.floorMod(orderId.hashCode(), queues.size()))}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MessageQueueSelector {

    MessageQueue select(List<MessageQueue> queues, Message message, Object arg);

    /** @return a selector hashing {@code arg} over the queues */
    static MessageQueueSelector byHash() {
        return (queues, message, arg) -> queues.get(Math.floorMod(arg == null ? 0 : arg.hashCode(), queues.size()));
    }
}
