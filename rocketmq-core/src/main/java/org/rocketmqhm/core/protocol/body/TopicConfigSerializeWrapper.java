package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** Every topic of a broker with the configuration's version (GET_ALL_TOPIC_CONFIG body, topics.json). */
public record TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {
}
