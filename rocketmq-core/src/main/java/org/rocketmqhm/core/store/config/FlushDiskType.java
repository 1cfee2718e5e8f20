package org.rocketmqhm.core.store.config;

/** How put acknowledgements relate to disk flushes. @since 0.1.0 */
public enum FlushDiskType {
    /** Periodic background flush; puts return after the append. */
    ASYNC_FLUSH,
    /** Group commit: puts complete once a flush covers them. */
    SYNC_FLUSH
}
