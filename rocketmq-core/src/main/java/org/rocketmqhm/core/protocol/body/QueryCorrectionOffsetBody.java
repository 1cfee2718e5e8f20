package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** QUERY_CORRECTION_OFFSET (308) response body: queue id to corrected offset. @since 0.3.0 */
public record QueryCorrectionOffsetBody(Map<Integer, Long> correctionOffsets) {
}
