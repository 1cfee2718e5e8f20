package org.rocketmqhm.spring.annotation;

/**
 * Whether a consumer group shares the queues of a topic or every member receives every message.
 *
 * @since 0.1.0
 */
public enum MessageModel {

    /** The queues are divided among the members of the group; each message is consumed once per group. */
    CLUSTERING,

    /** Every member consumes every message; offsets are kept locally. */
    BROADCASTING
}
