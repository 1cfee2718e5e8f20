package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** DELETE_ACL_CONFIG (51). */
public record DeleteAccessConfigRequestHeader(
        @Required String accessKey) {
}
