package org.rocketmqhm.core.protocol.body;

import java.util.Set;

/** GET_PRODUCER_CONNECTION_LIST body. */
public record ProducerConnection(Set<Connection> connectionSet) {
}
