package org.rocketmqhm.core.client.consumer;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.List;

/**
 * Consumes batches (size {@code consumeMessageBatchMaxSize}) on the consumer's pool, several at a time, in no
 * particular order. Throwing counts as {@link ConsumeConcurrentlyStatus#RECONSUME_LATER}.
 */
@FunctionalInterface
public interface MessageListenerConcurrently {

    ConsumeConcurrentlyStatus consume(List<MessageExt> messages, MessageQueue queue);
}
