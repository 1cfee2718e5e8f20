package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** PULL_MESSAGE and LITE_PULL_MESSAGE request. */
public record PullMessageRequestHeader(
        @Required String consumerGroup,
        @Required String topic,
        @Required Integer queueId,
        @Required Long queueOffset,
        @Required Integer maxMsgNums,
        @Required Integer sysFlag,
        @Required Long commitOffset,
        @Required Long suspendTimeoutMillis,
        String subscription,
        @Required Long subVersion,
        String expressionType,
        String bname,
        Integer maxMsgBytes) {
}
