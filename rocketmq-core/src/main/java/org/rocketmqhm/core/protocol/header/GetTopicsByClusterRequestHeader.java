package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_TOPICS_BY_CLUSTER request. */
public record GetTopicsByClusterRequestHeader(
        @Required String cluster) {
}
