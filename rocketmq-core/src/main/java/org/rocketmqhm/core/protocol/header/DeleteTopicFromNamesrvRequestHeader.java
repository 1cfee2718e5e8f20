package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** DELETE_TOPIC_IN_NAMESRV request. */
public record DeleteTopicFromNamesrvRequestHeader(
        @Required String topic,
        String clusterName) {
}
