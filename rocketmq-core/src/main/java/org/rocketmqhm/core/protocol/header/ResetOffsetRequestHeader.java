package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** INVOKE_BROKER_TO_RESET_OFFSET and RESET_CONSUMER_CLIENT_OFFSET request; timestamp -1 means the max offset. */
public record ResetOffsetRequestHeader(
        @Required String topic,
        @Required String group,
        @Required Long timestamp,
        @Required Boolean isForce) {
}
