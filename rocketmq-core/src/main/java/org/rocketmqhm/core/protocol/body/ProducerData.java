package org.rocketmqhm.core.protocol.body;

/** A producer group in a heartbeat. */
public record ProducerData(String groupName) {
}
