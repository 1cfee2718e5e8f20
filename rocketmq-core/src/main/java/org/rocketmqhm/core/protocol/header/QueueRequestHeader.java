package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_MAX_OFFSET, GET_MIN_OFFSET and GET_EARLIEST_MSG_STORETIME request. */
public record QueueRequestHeader(
        @Required String topic,
        @Required Integer queueId,
        String bname) {
}
