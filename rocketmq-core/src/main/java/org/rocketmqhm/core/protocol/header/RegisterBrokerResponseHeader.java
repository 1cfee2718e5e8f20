package org.rocketmqhm.core.protocol.header;

/** REGISTER_BROKER response (for slaves: their master's addresses). */
public record RegisterBrokerResponseHeader(
        String haServerAddr,
        String masterAddr) {
}
