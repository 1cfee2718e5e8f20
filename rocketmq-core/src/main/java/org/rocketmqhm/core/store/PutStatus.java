package org.rocketmqhm.core.store;

/** Outcome of a put. @since 0.1.0 */
public enum PutStatus {
    PUT_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
    SERVICE_NOT_AVAILABLE,
    CREATE_MAPPED_FILE_FAILED,
    MESSAGE_ILLEGAL,
    PROPERTIES_SIZE_EXCEEDED,
    OS_PAGECACHE_BUSY,
    UNKNOWN_ERROR;

    /** @return whether the message was written (flush/slave timeouts still count as written) */
    public boolean isWritten() {
        return this == PUT_OK || this == FLUSH_DISK_TIMEOUT || this == FLUSH_SLAVE_TIMEOUT
                || this == SLAVE_NOT_AVAILABLE;
    }
}
