package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/**
 * QUERY_CONSUME_QUEUE (321) request.
 *
 * @param topic topic
 * @param queueId queue
 * @param index first logical offset wanted
 * @param count max units
 * @param consumerGroup group whose online subscription is reported (optional)
 * @since 0.3.0
 */
public record QueryConsumeQueueRequestHeader(
        @Required String topic,
        int queueId,
        long index,
        int count,
        String consumerGroup) {
}
