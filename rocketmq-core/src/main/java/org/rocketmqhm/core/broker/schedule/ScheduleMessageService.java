package org.rocketmqhm.core.broker.schedule;

import org.rocketmqhm.core.broker.support.DelayLevels;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.store.GetMessageResult;
import org.rocketmqhm.core.store.MessageFilter;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.PutResult;
import org.rocketmqhm.core.store.StoreMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers delayed messages (section 5.7). One self-rescheduling timer task per delay level walks
 * {@code SCHEDULE_TOPIC_XXXX} queue {@code level - 1} in order from the level's offset in {@link DelayOffsetTable};
 * a record is due when {@code now >= storeTimestamp + levelDelay} (a delivery time further than one level delay in
 * the future, i.e. a clock moved back, counts as due). A due record is re-put through
 * {@link ScheduledMessages#restore} and the offset advances only after the put succeeded. When the head record is
 * not due (or the queue is drained) the task re-checks after at most 100 ms; after an error it backs off 10 s.
 * Offsets are persisted every {@code flushDelayOffsetInterval} and at shutdown. Thread-safe: each level's state
 * is touched only by its own task.
 *
 * @since 0.1.0
 */
public final class ScheduleMessageService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleMessageService.class);
    private static final long FIRST_DELAY_MILLIS = 1000;
    private static final long RECHECK_MILLIS = 100;
    private static final long ERROR_BACKOFF_MILLIS = 10_000;
    private static final long PUT_TIMEOUT_SECONDS = 10;
    private static final int BATCH = 32;

    private final MessageStore store;
    private final DelayLevels levels;
    private final DelayOffsetTable offsets;
    private final long flushIntervalMillis;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    public ScheduleMessageService(MessageStore store, DelayLevels levels, DelayOffsetTable offsets,
                                  long flushIntervalMillis) {
        this.store = store;
        this.levels = levels;
        this.offsets = offsets;
        this.flushIntervalMillis = flushIntervalMillis;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "ScheduleMessageTimer");
            t.setDaemon(true);
            return t;
        });
        for (int level = 1; level <= levels.maxLevel(); level++) {
            int l = level;
            timer.schedule(() -> deliver(l), FIRST_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
        timer.scheduleWithFixedDelay(this::persistQuietly, flushIntervalMillis, flushIntervalMillis,
            TimeUnit.MILLISECONDS);
    }

    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        timer.shutdownNow();
        try {
            timer.awaitTermination(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        offsets.persist();
    }

    public DelayOffsetTable offsets() {
        return offsets;
    }

    private void persistQuietly() {
        try {
            offsets.persist();
        } catch (RuntimeException e) {
            log.warn("persist delay offsets failed", e);
        }
    }

    /** One run of a level's task; always reschedules itself while running. */
    private void deliver(int level) {
        long next;
        try {
            next = deliverDue(level);
        } catch (RuntimeException e) {
            log.warn("delay level {} delivery failed, backing off", level, e);
            next = ERROR_BACKOFF_MILLIS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (running) {
            try {
                timer.schedule(() -> deliver(level), next, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // shutting down
            }
        }
    }

    /** @return milliseconds until the next run */
    private long deliverDue(int level) throws InterruptedException {
        int queueId = level - 1;
        long delay = levels.delayMillis(level);
        long offset = offsets.get(level);
        while (running) {
            GetMessageResult result = store.getMessage(null, SystemTopics.SCHEDULE_TOPIC, queueId, offset, BATCH, 0,
                MessageFilter.ALL);
            switch (result.status()) {
                case FOUND -> { }
                case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY, OFFSET_FOUND_NULL, NO_MATCHED_MESSAGE,
                     MESSAGE_WAS_REMOVING -> {
                    if (result.nextBeginOffset() != offset) {
                        offset = result.nextBeginOffset();
                        offsets.set(level, offset);
                        continue;
                    }
                    return RECHECK_MILLIS;
                }
                default -> {
                    return RECHECK_MILLIS;
                }
            }
            for (int i = 0; i < result.messageCount(); i++) {
                ByteBuffer record = result.messages().get(i);
                long queueOffset = result.queueOffsets().get(i);
                MessageExt scheduled = MessageDecoder.decode(record.duplicate(), true, false);
                long now = System.currentTimeMillis();
                long deliverAt = scheduled.getStoreTimestamp() + delay;
                if (deliverAt > now + delay) {
                    deliverAt = now;
                }
                if (deliverAt > now) {
                    return Math.min(RECHECK_MILLIS, Math.max(1, deliverAt - now));
                }
                StoreMessage restored = ScheduledMessages.restore(scheduled);
                if (restored != null && !put(restored, level)) {
                    return ERROR_BACKOFF_MILLIS;
                }
                offset = queueOffset + 1;
                offsets.set(level, offset);
            }
            offset = Math.max(offset, result.nextBeginOffset());
            offsets.set(level, offset);
        }
        return RECHECK_MILLIS;
    }

    private boolean put(StoreMessage msg, int level) throws InterruptedException {
        try {
            PutResult put = store.putMessage(msg).get(PUT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (put.isOk()) {
                return true;
            }
            log.warn("re-put of delayed message {} (level {}) failed: {}", msg.getUniqKey(), level, put.status());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("re-put of delayed message {} (level {}) failed", msg.getUniqKey(), level, e);
        }
        return false;
    }
}
