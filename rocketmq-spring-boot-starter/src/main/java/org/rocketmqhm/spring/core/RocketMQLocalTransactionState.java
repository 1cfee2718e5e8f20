package org.rocketmqhm.spring.core;

/**
 * Outcome of a local transaction tied to a half message.
 *
 * @since 0.1.0
 */
public enum RocketMQLocalTransactionState {

    /** The half message becomes visible to consumers. */
    COMMIT,

    /** The half message is discarded. */
    ROLLBACK,

    /** Not decided yet; the broker will ask again through {@code checkLocalTransaction}. */
    UNKNOWN
}
