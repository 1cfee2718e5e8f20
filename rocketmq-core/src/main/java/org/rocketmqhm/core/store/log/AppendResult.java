package org.rocketmqhm.core.store.log;

/**
 * Where an appended batch went. Immutable.
 *
 * @param status outcome
 * @param wroteOffset first record offset
 * @param wroteBytes total bytes
 * @param offsets offset of each record
 * @param logicsOffset first queue offset
 * @param storeTimestamp store timestamp
 * @since 0.1.0
 */
public record AppendResult(Status status, long wroteOffset, int wroteBytes, long[] offsets, long logicsOffset,
        long storeTimestamp) {

    /** Append outcomes. */
    public enum Status { OK, TOO_LARGE }

    static final AppendResult TOO_LARGE = new AppendResult(Status.TOO_LARGE, -1, 0, new long[0], -1, 0);
}
