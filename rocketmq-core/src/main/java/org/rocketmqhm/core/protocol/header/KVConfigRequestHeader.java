package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** PUT_KV_CONFIG, GET_KV_CONFIG and DELETE_KV_CONFIG request (value only for PUT). */
public record KVConfigRequestHeader(
        @Required String namespace,
        @Required String key,
        String value) {
}
