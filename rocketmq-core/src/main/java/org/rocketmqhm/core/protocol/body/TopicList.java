package org.rocketmqhm.core.protocol.body;

import java.util.Set;

/** A list of topic names, optionally with one broker address. */
public record TopicList(Set<String> topicList, String brokerAddr) {
}
