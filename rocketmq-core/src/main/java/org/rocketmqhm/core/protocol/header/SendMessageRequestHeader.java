package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** SEND_MESSAGE (V1 field names) request; V2 requests are converted to this. */
public record SendMessageRequestHeader(
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
        Boolean batch,
        Integer maxReconsumeTimes,
        String bname) {
}
