package org.rocketmqhm.core.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.rocketmqhm.core.common.message.MessageExt;

/**
 * The broker's view of the durable store. Lifecycle: {@link #load()}, {@link #start()}, {@link #shutdown()}.
 * All methods are thread-safe.
 *
 * @since 0.1.0
 */
public interface MessageStore {

    /** Maps files and recovers (normal or after a crash). @return false if files are inconsistent */
    boolean load();

    /** Creates the abort marker and starts background threads. */
    void start();

    /** Stops threads, flushes everything, unmaps files and deletes the abort marker. */
    void shutdown();

    /** @param msg message @return completes when acknowledged according to the flush policy */
    CompletableFuture<PutResult> putMessage(StoreMessage msg);

    /** @param batch messages of one topic-queue, stored consecutively @return result for the whole batch */
    CompletableFuture<PutResult> putMessages(List<StoreMessage> batch);

    /**
     * @param group consumer group (statistics only)
     * @param topic topic
     * @param queueId queue
     * @param offset first queue offset wanted
     * @param maxMsgNums max messages
     * @param maxTotalBytes max total bytes (capped by maxTransferBytesOnMessageInMemory)
     * @param filter filter, or null for all
     * @return result with zero-copy record slices
     */
    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
            int maxTotalBytes, MessageFilter filter);

    long getMaxOffsetInQueue(String topic, int queueId);

    long getMinOffsetInQueue(String topic, int queueId);

    /** @return queue offset whose store time is closest to {@code timestamp} (section 2.3 code 29) */
    long getOffsetInQueueByTime(String topic, int queueId, long timestamp);

    /** @return store time of the first available message, -1 if none */
    long getEarliestMessageTime(String topic, int queueId);

    /** @return store time of the message at {@code offset}, -1 if unavailable */
    long getMessageStoreTimestamp(String topic, int queueId, long offset);

    /** @return commit-log offset of the message at queue {@code offset}, -1 if unavailable */
    long getCommitLogOffsetInQueue(String topic, int queueId, long offset);

    /** @return decoded message (body included, not decompressed) or null */
    MessageExt lookMessageByOffset(long commitLogOffset);

    /** @return zero-copy slice of the record at the offset, or null */
    ByteBuffer selectOneMessageByOffset(long commitLogOffset);

    /** @return zero-copy slice of {@code size} bytes at the offset, or null */
    ByteBuffer selectOneMessageByOffset(long commitLogOffset, int size);

    /**
     * Section 5.4: whether a pull that read up to {@code maxPhyOffsetPulled} lies further back from the commit-log
     * end than the share of RAM assumed to cache it ({@code accessMessageInMemoryMaxRatio}).
     *
     * @param maxPhyOffsetPulled commit-log offset of the last record returned
     * @return whether the consumer should be sent to a slave (when slave reads are enabled)
     * @since 0.3.0
     */
    default boolean suggestPullingFromSlave(long maxPhyOffsetPulled) {
        return false;
    }

    /** @return bytes from the offset to the published end of its file (for replication), or null */
    ByteBuffer getCommitLogData(long offset);

    long getMaxPhyOffset();

    long getMinPhyOffset();

    /** @param topics topics whose consume queues and offsets are removed */
    void deleteTopics(Set<String> topics);

    /** @param listener called after each dispatched record */
    void addArrivalListener(MessageArrivalListener listener);

    /** @return bytes of commit log not yet dispatched */
    long dispatchBehindBytes();

    StoreStats getStats();

    /**
     * Looks a key up in the message index (QUERY_MESSAGE, sections 2.3 and 5.17).
     *
     * @param topic topic
     * @param key a KEYS token or the UNIQ_KEY
     * @param maxNum max records
     * @param beginTimestamp earliest store time (ms, second granularity)
     * @param endTimestamp latest store time (ms)
     * @return matching records (zero copy), empty when the index is disabled
     * @since 0.2.0
     */
    default QueryMessageResult queryMessage(String topic, String key, int maxNum, long beginTimestamp,
            long endTimestamp) {
        return QueryMessageResult.EMPTY;
    }

    /** @return whether the store accepts writes, disk usage and limits (section: operations, disk guard) @since 0.2.0 */
    default StoreHealth getHealth() {
        return new StoreHealth(true, -1, 0, 0, 0, null);
    }

    /**
     * Admin DELETE_EXPIRED_COMMITLOG: deletes commit-log files older than fileReservedTime now, whatever the
     * deleteWhen hour, then the consume-queue and index files they made obsolete.
     *
     * @return commit-log files deleted
     * @since 0.2.0
     */
    default int deleteExpiredFiles() {
        return 0;
    }

    /**
     * Reads consume-queue units for inspection (QUERY_CONSUME_QUEUE), within the file holding {@code index}.
     *
     * @param topic topic
     * @param queueId queue
     * @param index first logical offset
     * @param count max units
     * @return the units (empty when {@code index} is not available), or null when the queue does not exist
     * @since 0.3.0
     */
    default java.util.List<ConsumeQueueUnit> readConsumeQueue(String topic, int queueId, long index, int count) {
        return null;
    }

    /** @return topics having consume queues in the store @since 0.3.0 */
    default Set<String> consumeQueueTopics() {
        return Set.of();
    }

    /**
     * Admin CLEAN_EXPIRED_CONSUMEQUEUE: destroys the consume queues whose messages all left the commit log (the
     * schedule topic excepted); such a queue restarts at offset 0 on its next message.
     *
     * @return queues destroyed
     * @since 0.3.0
     */
    default int cleanExpiredConsumeQueues() {
        return 0;
    }
}
