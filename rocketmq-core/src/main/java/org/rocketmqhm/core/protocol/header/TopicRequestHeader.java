package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** Requests naming one topic (GET_TOPIC_STATS_INFO, DELETE_TOPIC_IN_BROKER, QUERY_TOPIC_CONSUME_BY_WHO). */
public record TopicRequestHeader(
        @Required String topic) {
}
