package org.rocketmqhm.core.store.index;

import java.util.List;

/**
 * Commit-log offsets found in the index for one key, newest first, plus the index's high-water marks. Immutable.
 *
 * @param phyOffsets commit-log offsets
 * @param indexLastUpdateTimestamp store timestamp of the last indexed record
 * @param indexLastUpdatePhyoffset commit-log offset of the last indexed record
 * @since 0.2.0
 */
public record QueryOffsetResult(List<Long> phyOffsets, long indexLastUpdateTimestamp,
        long indexLastUpdatePhyoffset) {
}
