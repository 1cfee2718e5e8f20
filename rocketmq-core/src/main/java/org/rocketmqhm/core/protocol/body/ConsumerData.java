package org.rocketmqhm.core.protocol.body;

import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.ConsumeType;
import org.rocketmqhm.core.protocol.MessageModel;

import java.util.Set;

/** A consumer group in a heartbeat, with its subscriptions. */
public record ConsumerData(String groupName, ConsumeType consumeType, MessageModel messageModel,
                           ConsumeFromWhere consumeFromWhere, Set<SubscriptionData> subscriptionDataSet,
                           boolean unitMode) {
}
