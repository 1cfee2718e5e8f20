package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** INVOKE_BROKER_TO_RESET_OFFSET response and RESET_CONSUMER_CLIENT_OFFSET body: new offset per queue. */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {
}
