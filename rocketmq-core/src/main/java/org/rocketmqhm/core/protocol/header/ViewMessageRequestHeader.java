package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** VIEW_MESSAGE_BY_ID request: the commit-log offset. */
public record ViewMessageRequestHeader(
        @Required Long offset) {
}
