package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** GET_TOPIC_STATS_INFO body: bounds per write queue. */
public record TopicStatsTable(Map<MessageQueue, TopicOffset> offsetTable) {
}
