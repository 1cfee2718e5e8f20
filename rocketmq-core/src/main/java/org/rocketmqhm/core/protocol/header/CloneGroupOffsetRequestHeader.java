package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/**
 * CLONE_GROUP_OFFSET (314) request.
 *
 * @param srcGroup group whose offsets are copied
 * @param destGroup group receiving them
 * @param topic topic (optional: every topic the source group has offsets for)
 * @param offline whether the source group is offline (skips the online-subscription check)
 * @since 0.3.0
 */
public record CloneGroupOffsetRequestHeader(
        @Required String srcGroup,
        @Required String destGroup,
        String topic,
        boolean offline) {
}
