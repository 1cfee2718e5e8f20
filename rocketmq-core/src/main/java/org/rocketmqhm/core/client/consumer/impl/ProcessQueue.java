package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.impl.ConsumerRunningInfo;
import org.rocketmqhm.core.common.message.MessageExt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client-side buffer of one assigned queue: pulled messages not yet consumed, keyed by queue offset, with
 * their count and body bytes (for flow control). Concurrent consumption removes finished messages and commits the
 * lowest unfinished offset; orderly consumption takes messages in order and commits only after success.
 * Thread-safe (one monitor); {@link #consumeLock()} serialises orderly consumption of the queue.
 *
 * @since 0.1.0
 */
public final class ProcessQueue {

    /** Own lock considered lost after this long without a successful LOCK_BATCH_MQ renewal. */
    public static final long LOCK_MAX_LIVE_MILLIS = 30_000;

    private final TreeMap<Long, MessageExt> messages = new TreeMap<>();
    private final TreeMap<Long, MessageExt> taken = new TreeMap<>();
    /** Concurrent mode: queue offset -> epoch millis when the listener was handed the message. */
    private final Map<Long, Long> consumeStarts = new HashMap<>();
    private long bytes;
    private long maxOffset = -1;
    private volatile boolean dropped;
    private volatile long brokerMaxOffset = -1;
    private volatile boolean locked;
    private volatile long lastLockMillis;
    private volatile long lastPullMillis = System.currentTimeMillis();
    private volatile long lastConsumeMillis = System.currentTimeMillis();
    private final ReentrantLock consumeLock = new ReentrantLock();
    private final AtomicBoolean orderlyTaskScheduled = new AtomicBoolean();

    /** Adds pulled messages. @return true if the queue was empty before (orderly: a consume task may start) */
    public synchronized boolean put(List<MessageExt> batch) {
        boolean wasEmpty = messages.isEmpty() && taken.isEmpty();
        for (MessageExt m : batch) {
            if (messages.put(m.getQueueOffset(), m) == null) {
                bytes += m.getBody() == null ? 0 : m.getBody().length;
            }
            maxOffset = Math.max(maxOffset, m.getQueueOffset());
        }
        return wasEmpty;
    }

    /**
     * Removes consumed messages (concurrent mode).
     *
     * @return the offset to commit: the lowest still-buffered offset, or max + 1 when empty; -1 if nothing known
     */
    public synchronized long remove(List<MessageExt> done) {
        for (MessageExt m : done) {
            MessageExt removed = messages.remove(m.getQueueOffset());
            if (removed != null) {
                bytes -= removed.getBody() == null ? 0 : removed.getBody().length;
            }
            consumeStarts.remove(m.getQueueOffset());
        }
        lastConsumeMillis = System.currentTimeMillis();
        if (!messages.isEmpty()) {
            return messages.firstKey();
        }
        return maxOffset < 0 ? -1 : maxOffset + 1;
    }

    /** Concurrent mode: records that the listener starts on these messages now (for the consume timeout). */
    public synchronized void markConsuming(List<MessageExt> batch, long nowMillis) {
        for (MessageExt m : batch) {
            if (messages.containsKey(m.getQueueOffset())) {
                consumeStarts.put(m.getQueueOffset(), nowMillis);
            }
        }
    }

    /**
     * Concurrent mode: the leading buffered messages (lowest offsets first, at most {@code max}) whose consumption
     * started before {@code startedBefore}; stops at the first message that is not such.
     */
    public synchronized List<MessageExt> expiredHead(long startedBefore, int max) {
        List<MessageExt> out = new ArrayList<>();
        for (Map.Entry<Long, MessageExt> e : messages.entrySet()) {
            Long started = consumeStarts.get(e.getKey());
            if (out.size() >= max || started == null || started >= startedBefore) {
                break;
            }
            out.add(e.getValue());
        }
        return out;
    }

    /** Orderly: moves up to {@code max} messages, in offset order, to the in-progress set. */
    public synchronized List<MessageExt> take(int max) {
        List<MessageExt> out = new ArrayList<>(max);
        while (out.size() < max && !messages.isEmpty()) {
            Map.Entry<Long, MessageExt> e = messages.pollFirstEntry();
            taken.put(e.getKey(), e.getValue());
            out.add(e.getValue());
        }
        return out;
    }

    /** Orderly: the in-progress messages succeeded. @return the offset to commit, or -1 */
    public synchronized long commit() {
        long next = taken.isEmpty() ? -1 : taken.lastKey() + 1;
        for (MessageExt m : taken.values()) {
            bytes -= m.getBody() == null ? 0 : m.getBody().length;
        }
        taken.clear();
        lastConsumeMillis = System.currentTimeMillis();
        return next;
    }

    /** Orderly: puts the in-progress messages back to be consumed again. */
    public synchronized void rollback() {
        messages.putAll(taken);
        taken.clear();
    }

    public synchronized int count() {
        return messages.size() + taken.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized boolean isEmpty() {
        return messages.isEmpty() && taken.isEmpty();
    }

    /** @return the queue's max offset on the broker as of the last pull response, or -1 before the first */
    public long brokerMaxOffset() {
        return brokerMaxOffset;
    }

    /** Records the broker max offset a pull response reported. */
    public void brokerMaxOffset(long offset) {
        this.brokerMaxOffset = offset;
    }

    /** Records that a pull response for this queue arrived now. */
    public void markPulled() {
        lastPullMillis = System.currentTimeMillis();
    }

    /**
     * @param commitOffset the in-memory committed offset of the queue
     * @return the queue's state for GET_CONSUMER_RUNNING_INFO
     */
    public synchronized ConsumerRunningInfo.ProcessQueueInfo info(long commitOffset) {
        return new ConsumerRunningInfo.ProcessQueueInfo(commitOffset,
            messages.isEmpty() ? 0 : messages.firstKey(), messages.isEmpty() ? 0 : messages.lastKey(),
            messages.size(), (int) (bytes / (1024 * 1024)),
            taken.isEmpty() ? 0 : taken.firstKey(), taken.isEmpty() ? 0 : taken.lastKey(), taken.size(),
            locked, 0, lastLockMillis, dropped, lastPullMillis, lastConsumeMillis);
    }

    public boolean isDropped() {
        return dropped;
    }

    public void drop() {
        dropped = true;
    }

    public boolean isLocked() {
        return locked && System.currentTimeMillis() - lastLockMillis <= LOCK_MAX_LIVE_MILLIS;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
        if (locked) {
            lastLockMillis = System.currentTimeMillis();
        }
    }

    public ReentrantLock consumeLock() {
        return consumeLock;
    }

    /** Orderly: guards that at most one consume task per queue is queued or running. */
    public AtomicBoolean orderlyTaskScheduled() {
        return orderlyTaskScheduled;
    }
}
