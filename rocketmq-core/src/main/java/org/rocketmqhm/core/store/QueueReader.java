package org.rocketmqhm.core.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.log.CommitLog;
import org.rocketmqhm.core.store.queue.ConsumeQueue;
import org.rocketmqhm.core.store.queue.ConsumeQueueStore;

/**
 * Read side: consume-queue lookups joined with commit-log slices (zero copy), and time searches.
 * Stateless apart from its collaborators; thread-safe.
 *
 * @since 0.1.0
 */
final class QueueReader {

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;

    QueueReader(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueStore queues) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
    }

    GetMessageResult getMessage(String topic, int queueId, long offset, int maxMsgNums, int maxTotalBytes,
            MessageFilter filter) {
        MessageFilter f = filter == null ? MessageFilter.ALL : filter;
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            return empty(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = cq.getMinOffsetInQueue();
        long max = cq.getMaxOffsetInQueue();
        if (max == 0) {
            return empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        }
        if (offset < min) {
            return empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        }
        if (offset == max) {
            return empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        }
        if (offset > max) {
            return empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        ByteBuffer units = cq.unitsFrom(offset);
        if (units == null) {
            return empty(GetMessageStatus.OFFSET_FOUND_NULL, cq.rollNextFile(offset), min, max);
        }
        int byteCap = Math.min(maxTotalBytes <= 0 ? Integer.MAX_VALUE : maxTotalBytes,
                config.getMaxTransferBytesOnMessageInMemory());
        int countCap = Math.max(1, Math.min(maxMsgNums, config.getMaxTransferCountOnMessageInMemory()));
        int scanLimit = Math.min(units.limit(), Math.max(config.getMaxFilterMessageCount(), ConsumeQueue.UNIT_SIZE));
        List<ByteBuffer> found = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
        long minPhy = commitLog.getMinOffset();
        int total = 0;
        int pos = 0;
        for (; pos + ConsumeQueue.UNIT_SIZE <= scanLimit; pos += ConsumeQueue.UNIT_SIZE) {
            long phy = units.getLong(pos);
            int size = units.getInt(pos + 8);
            long tagsCode = units.getLong(pos + 12);
            if (!found.isEmpty() && (found.size() >= countCap || total + size > byteCap)) {
                break;
            }
            if (size <= 0 || phy < minPhy) {
                continue;
            }
            if (!f.matchesTagsCode(tagsCode)) {
                continue;
            }
            ByteBuffer rec = commitLog.select(phy, size);
            if (rec == null) {
                if (found.isEmpty()) {
                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                }
                continue;
            }
            if (!f.matchesRecord(rec)) {
                if (found.isEmpty()) {
                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                }
                continue;
            }
            found.add(rec);
            offsets.add(offset + pos / ConsumeQueue.UNIT_SIZE);
            total += size;
            status = GetMessageStatus.FOUND;
        }
        long next = offset + pos / ConsumeQueue.UNIT_SIZE;
        return new GetMessageResult(status, next, min, max, found, offsets, total);
    }

    long storeTimestamp(ConsumeQueue cq, long offset) {
        ByteBuffer u = cq.unitsFrom(offset);
        if (u == null) {
            return -1;
        }
        ByteBuffer rec = commitLog.select(u.getLong(0), u.getInt(8));
        return rec == null ? -1 : MessageDecoder.readStoreTimestamp(rec, 0);
    }

    long offsetByTime(ConsumeQueue cq, long timestamp) {
        long lo = cq.getMinOffsetInQueue();
        long hi = cq.getMaxOffsetInQueue() - 1;
        if (hi < lo) {
            return cq.getMaxOffsetInQueue();
        }
        long left = -1;
        long right = -1;
        long leftTs = 0;
        long rightTs = 0;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long ts = storeTimestamp(cq, mid);
            if (ts < 0) {
                lo = mid + 1;
                continue;
            }
            if (ts < timestamp) {
                left = mid;
                leftTs = ts;
                lo = mid + 1;
            } else if (ts > timestamp) {
                right = mid;
                rightTs = ts;
                hi = mid - 1;
            } else {
                right = mid;
                rightTs = ts;
                hi = mid - 1;
            }
        }
        if (right >= 0 && rightTs == timestamp) {
            return right;
        }
        if (left < 0) {
            return right < 0 ? cq.getMinOffsetInQueue() : right;
        }
        if (right < 0) {
            return left;
        }
        return Math.abs(timestamp - leftTs) > Math.abs(timestamp - rightTs) ? right : left;
    }

    private static GetMessageResult empty(GetMessageStatus status, long next, long min, long max) {
        return new GetMessageResult(status, next, min, max, List.of(), List.of(), 0);
    }
}
