package org.rocketmqhm.core.store;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Result of a key query (QUERY_MESSAGE, section 2.3). {@code messages} are zero-copy slices of mapped commit-log
 * records (valid while the store runs and the file exists); keys may collide by hash, so callers filter by key.
 * Immutable.
 *
 * @param messages stored records, newest first
 * @param phyOffsets commit-log offset of each record
 * @param indexLastUpdateTimestamp store timestamp of the last indexed record (0 if none)
 * @param indexLastUpdatePhyoffset commit-log offset of the last indexed record (0 if none)
 * @param totalSize sum of the records' sizes
 * @since 0.2.0
 */
public record QueryMessageResult(List<ByteBuffer> messages, List<Long> phyOffsets, long indexLastUpdateTimestamp,
        long indexLastUpdatePhyoffset, int totalSize) {

    /** An empty result (index disabled or nothing found). */
    public static final QueryMessageResult EMPTY = new QueryMessageResult(List.of(), List.of(), 0, 0, 0);

    /** @return number of records */
    public int messageCount() {
        return messages.size();
    }
}
