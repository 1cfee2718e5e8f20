package org.rocketmqhm.core.protocol.body;

import java.util.List;

/** GET_CONSUMER_LIST_BY_GROUP body: the client ids of a group's live members. */
public record ConsumerIdList(List<String> consumerIdList) {
}
