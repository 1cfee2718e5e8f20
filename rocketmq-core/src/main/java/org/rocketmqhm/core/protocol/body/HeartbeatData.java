package org.rocketmqhm.core.protocol.body;

import java.util.Set;

/** HEART_BEAT body: a client and the producer and consumer groups it runs. */
public record HeartbeatData(String clientID, Set<ProducerData> producerDataSet, Set<ConsumerData> consumerDataSet) {
}
