package org.rocketmqhm.core.protocol.body;

import java.util.List;

/**
 * QUERY_CONSUME_QUEUE (321) response body.
 *
 * @param subscriptionData the group's online subscription of the topic (absent when no group was asked or offline)
 * @param filterData "group@topic is not online!" when the asked group is offline, else the filter data as JSON
 * @param queueData the units read
 * @param maxQueueIndex next logical offset to be written
 * @param minQueueIndex first logical offset available
 * @since 0.3.0
 */
public record QueryConsumeQueueResponseBody(SubscriptionData subscriptionData, String filterData,
                                            List<ConsumeQueueData> queueData, long maxQueueIndex,
                                            long minQueueIndex) {
}
