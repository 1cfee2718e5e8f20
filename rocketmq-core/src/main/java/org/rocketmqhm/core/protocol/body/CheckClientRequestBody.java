package org.rocketmqhm.core.protocol.body;

/** CHECK_CLIENT_CONFIG body: a non-tag subscription to validate. */
public record CheckClientRequestBody(String clientId, String group, SubscriptionData subscriptionData) {
}
