package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** SEARCH_OFFSET_BY_TIMESTAMP request. */
public record SearchOffsetRequestHeader(
        @Required String topic,
        @Required Integer queueId,
        @Required Long timestamp,
        String bname) {
}
