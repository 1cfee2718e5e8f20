package org.rocketmqhm.core.store.log;

import java.nio.ByteBuffer;

/** A record the {@link CommitLog} can append: it writes itself once its offsets are assigned. @since 0.1.0 */
public interface AppendRecord {

    String topic();

    int queueId();

    int sysFlag();

    /**
     * @param dst target positioned at the record start
     * @param commitLogOffset assigned commit-log offset
     * @param queueOffset assigned queue offset
     * @param storeTimestamp assigned store timestamp
     */
    void writeTo(ByteBuffer dst, long commitLogOffset, long queueOffset, long storeTimestamp);
}
