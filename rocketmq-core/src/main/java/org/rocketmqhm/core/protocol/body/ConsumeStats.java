package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** GET_CONSUME_STATS body: a group's progress per read queue. */
public record ConsumeStats(Map<MessageQueue, OffsetWrapper> offsetTable, double consumeTps) {
}
