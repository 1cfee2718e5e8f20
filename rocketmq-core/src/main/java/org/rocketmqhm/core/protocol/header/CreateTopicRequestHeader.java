package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** UPDATE_AND_CREATE_TOPIC request. */
public record CreateTopicRequestHeader(
        @Required String topic,
        @Required String defaultTopic,
        @Required Integer readQueueNums,
        @Required Integer writeQueueNums,
        @Required Integer perm,
        @Required String topicFilterType,
        Integer topicSysFlag,
        @Required Boolean order) {
}
