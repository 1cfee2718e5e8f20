package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** CONSUMER_SEND_MSG_BACK request. */
public record ConsumerSendMsgBackRequestHeader(
        @Required Long offset,
        @Required String group,
        @Required Integer delayLevel,
        String originMsgId,
        String originTopic,
        Boolean unitMode,
        Integer maxReconsumeTimes,
        String bname) {
}
