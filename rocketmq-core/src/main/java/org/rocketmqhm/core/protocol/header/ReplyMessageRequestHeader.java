package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** PUSH_REPLY_MESSAGE_TO_CLIENT request (broker to requesting client). */
public record ReplyMessageRequestHeader(
        @Required String producerGroup,
        @Required String topic,
        @Required String defaultTopic,
        @Required Integer defaultTopicQueueNums,
        @Required Integer queueId,
        @Required Integer sysFlag,
        @Required Long bornTimestamp,
        @Required Integer flag,
        String properties,
        Integer reconsumeTimes,
        Boolean unitMode,
        @Required String bornHost,
        @Required String storeHost,
        @Required Long storeTimestamp) {
}
