package org.rocketmqhm.core.store;

import java.net.InetSocketAddress;
import org.rocketmqhm.core.common.message.MessageIds;

/**
 * Result of a put: status plus, when written, where the records went. Offset message ids are built lazily.
 * Immutable.
 *
 * @param status outcome
 * @param wroteOffset commit-log offset of the first record (-1 when not written)
 * @param wroteBytes total bytes of the records
 * @param physicalOffsets commit-log offset of each record
 * @param logicsOffset queue offset of the first record
 * @param storeTimestamp store timestamp of the records
 * @param storeHost store host used in the offset ids
 * @param reason human-readable cause of a failure (e.g. "disk full: ..."), null when none; since 0.2.0
 * @since 0.1.0
 */
public record PutResult(PutStatus status, long wroteOffset, int wroteBytes, long[] physicalOffsets,
        long logicsOffset, long storeTimestamp, InetSocketAddress storeHost, String reason) {

    /** Constructor without a reason (source-compatible with 0.1.0). */
    public PutResult(PutStatus status, long wroteOffset, int wroteBytes, long[] physicalOffsets, long logicsOffset,
            long storeTimestamp, InetSocketAddress storeHost) {
        this(status, wroteOffset, wroteBytes, physicalOffsets, logicsOffset, storeTimestamp, storeHost, null);
    }

    /** @param status a failure status @return a result with no written records */
    public static PutResult failure(PutStatus status) {
        return failure(status, null);
    }

    /** @param status a failure status @param reason cause for logs/remarks @return a result with no records */
    public static PutResult failure(PutStatus status, String reason) {
        return new PutResult(status, -1, 0, new long[0], -1, 0, null, reason);
    }

    /** @param newStatus status to report @return a copy with another status */
    public PutResult withStatus(PutStatus newStatus) {
        return new PutResult(newStatus, wroteOffset, wroteBytes, physicalOffsets, logicsOffset, storeTimestamp,
                storeHost, reason);
    }

    /** @return number of records written */
    public int messageCount() {
        return physicalOffsets.length;
    }

    /** @param i record index @return its offset message id */
    public String msgId(int i) {
        return MessageIds.createOffsetMsgId(storeHost, physicalOffsets[i]);
    }

    /** @return offset ids of all records, comma-joined (section 4.4), empty if none */
    public String msgIds() {
        StringBuilder sb = new StringBuilder(physicalOffsets.length * 33);
        for (int i = 0; i < physicalOffsets.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(msgId(i));
        }
        return sb.toString();
    }

    /** @return whether the records were written */
    public boolean isOk() {
        return status.isWritten();
    }
}
