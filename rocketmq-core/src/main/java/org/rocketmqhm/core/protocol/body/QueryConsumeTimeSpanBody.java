package org.rocketmqhm.core.protocol.body;

import java.util.List;

/** QUERY_CONSUME_TIME_SPAN (303) response body, one entry per write queue. @since 0.3.0 */
public record QueryConsumeTimeSpanBody(List<QueueTimeSpan> consumeTimeSpanSet) {
}
