package org.rocketmqhm.core.protocol.header;

/** QUERY_DATA_VERSION response. */
public record QueryDataVersionResponseHeader(
        Boolean changed) {
}
