package org.rocketmqhm.core.protocol.body;

import java.util.List;

/** REGISTER_BROKER body: the broker's topics and (legacy, normally empty) filter servers. */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper,
                                 List<String> filterServerList) {
}
