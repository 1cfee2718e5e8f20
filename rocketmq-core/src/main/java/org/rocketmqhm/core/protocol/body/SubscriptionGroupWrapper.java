package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** Every subscription group of a broker (subscriptionGroup.json, GET_ALL_SUBSCRIPTIONGROUP_CONFIG). */
public record SubscriptionGroupWrapper(Map<String, SubscriptionGroupConfig> subscriptionGroupTable,
                                       DataVersion dataVersion) {
}
