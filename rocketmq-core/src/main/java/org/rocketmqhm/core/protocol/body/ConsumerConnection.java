package org.rocketmqhm.core.protocol.body;

import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.ConsumeType;
import org.rocketmqhm.core.protocol.MessageModel;

import java.util.Map;
import java.util.Set;

/** GET_CONSUMER_CONNECTION_LIST body. */
public record ConsumerConnection(Set<Connection> connectionSet, Map<String, SubscriptionData> subscriptionTable,
                                 ConsumeType consumeType, MessageModel messageModel,
                                 ConsumeFromWhere consumeFromWhere) {
}
