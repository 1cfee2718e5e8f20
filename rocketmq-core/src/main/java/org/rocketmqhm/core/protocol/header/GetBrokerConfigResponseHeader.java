package org.rocketmqhm.core.protocol.header;

/** GET_BROKER_CONFIG response: the configuration's DataVersion as JSON text. */
public record GetBrokerConfigResponseHeader(
        String version) {
}
