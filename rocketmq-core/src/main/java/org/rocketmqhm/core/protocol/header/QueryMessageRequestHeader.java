package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** QUERY_MESSAGE request. */
public record QueryMessageRequestHeader(
        @Required String topic,
        @Required String key,
        @Required Integer maxNum,
        @Required Long beginTimestamp,
        @Required Long endTimestamp) {
}
