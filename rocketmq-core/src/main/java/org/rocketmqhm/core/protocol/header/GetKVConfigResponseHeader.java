package org.rocketmqhm.core.protocol.header;

/** GET_KV_CONFIG response. */
public record GetKVConfigResponseHeader(
        String value) {
}
