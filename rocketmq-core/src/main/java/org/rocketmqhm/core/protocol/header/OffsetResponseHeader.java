package org.rocketmqhm.core.protocol.header;

/** Responses carrying one offset (QUERY_CONSUMER_OFFSET, GET_MAX/MIN_OFFSET, SEARCH_OFFSET_BY_TIMESTAMP). */
public record OffsetResponseHeader(
        Long offset) {
}
