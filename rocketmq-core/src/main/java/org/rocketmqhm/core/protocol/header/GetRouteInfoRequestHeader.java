package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_ROUTEINFO_BY_TOPIC request. */
public record GetRouteInfoRequestHeader(
        @Required String topic,
        Boolean acceptStandardJsonOnly) {
}
