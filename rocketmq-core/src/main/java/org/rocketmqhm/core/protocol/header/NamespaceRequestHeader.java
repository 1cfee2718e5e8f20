package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** GET_KVLIST_BY_NAMESPACE request. */
public record NamespaceRequestHeader(
        @Required String namespace) {
}
