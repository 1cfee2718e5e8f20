package org.rocketmqhm.core.client.producer;

/**
 * Outcome of a stored send. Every value means the master stored the message; the non-OK ones say that a
 * configured flush or replication guarantee was not met in time.
 *
 * @since 0.1.0
 */
public enum SendStatus {
    SEND_OK, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE
}
