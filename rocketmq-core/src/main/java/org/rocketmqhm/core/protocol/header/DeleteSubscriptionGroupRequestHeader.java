package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** DELETE_SUBSCRIPTIONGROUP request. */
public record DeleteSubscriptionGroupRequestHeader(
        @Required String groupName,
        Boolean removeOffset) {
}
