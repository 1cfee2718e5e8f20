package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** QUERY_CONSUME_TIME_SPAN (303) request. @since 0.3.0 */
public record QueryConsumeTimeSpanRequestHeader(
        @Required String topic,
        @Required String group) {
}
