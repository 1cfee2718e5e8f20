package org.rocketmqhm.core.store;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Result of a queue read. {@code messages} are zero-copy slices of mapped commit-log files (each one stored
 * record), valid while the store runs and the file exists; wrap them, do not copy them. Immutable.
 *
 * @param status outcome
 * @param nextBeginOffset queue offset to read next
 * @param minOffset queue min offset
 * @param maxOffset queue max offset
 * @param messages stored records
 * @param queueOffsets queue offset of each record
 * @param totalSize sum of the records' sizes
 * @since 0.1.0
 */
public record GetMessageResult(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset,
        List<ByteBuffer> messages, List<Long> queueOffsets, int totalSize) {

    /** @return number of records */
    public int messageCount() {
        return messages.size();
    }
}
