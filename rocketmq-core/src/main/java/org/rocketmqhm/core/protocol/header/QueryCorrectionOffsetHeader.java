package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/**
 * QUERY_CORRECTION_OFFSET (308) request.
 *
 * @param filterGroups comma-separated groups left out of the minimum (optional)
 * @param compareGroup group whose offsets are compared with the minimum
 * @param topic topic
 * @since 0.3.0
 */
public record QueryCorrectionOffsetHeader(
        String filterGroups,
        @Required String compareGroup,
        @Required String topic) {
}
