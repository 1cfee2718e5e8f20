package org.rocketmqhm.core.client.consumer;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.List;

/**
 * Consumes one queue's messages in queue order, one thread per queue at a time, while this client holds the
 * queue's broker lock. Throwing counts as {@link ConsumeOrderlyStatus#SUSPEND_CURRENT_QUEUE_A_MOMENT}.
 */
@FunctionalInterface
public interface MessageListenerOrderly {

    ConsumeOrderlyStatus consume(List<MessageExt> messages, MessageQueue queue);
}
