package org.rocketmqhm.core.store.flush;

import java.util.function.LongSupplier;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.StoreCheckpoint;
import org.rocketmqhm.core.store.queue.ConsumeQueueStore;

/**
 * Flushes consume queues periodically and then the checkpoint, recording the store timestamp of the last record
 * dispatched before the flush began.
 *
 * @since 0.1.0
 */
public final class ConsumeQueueFlushService extends ServiceThread {

    private final ConsumeQueueStore queues;
    private final StoreCheckpoint checkpoint;
    private final LongSupplier lastDispatchedTimestamp;
    private final int intervalMs;
    private final int leastPages;
    private final int thoroughIntervalMs;
    private final Runnable alsoFlush;

    /**
     * @param queues consume queues
     * @param checkpoint checkpoint
     * @param lastDispatchedTimestamp store timestamp of the last dispatched record
     * @param intervalMs flush period
     * @param leastPages dirty-page threshold
     * @param thoroughIntervalMs unconditional flush period
     */
    public ConsumeQueueFlushService(ConsumeQueueStore queues, StoreCheckpoint checkpoint,
            LongSupplier lastDispatchedTimestamp, int intervalMs, int leastPages, int thoroughIntervalMs) {
        this(queues, checkpoint, lastDispatchedTimestamp, intervalMs, leastPages, thoroughIntervalMs, () -> { });
    }

    /**
     * @param queues consume queues
     * @param checkpoint checkpoint
     * @param lastDispatchedTimestamp store timestamp of the last dispatched record
     * @param intervalMs flush period
     * @param leastPages dirty-page threshold
     * @param thoroughIntervalMs unconditional flush period
     * @param alsoFlush flushed with each thorough flush, before the checkpoint (e.g. the index)
     */
    public ConsumeQueueFlushService(ConsumeQueueStore queues, StoreCheckpoint checkpoint,
            LongSupplier lastDispatchedTimestamp, int intervalMs, int leastPages, int thoroughIntervalMs,
            Runnable alsoFlush) {
        this.alsoFlush = alsoFlush;
        this.queues = queues;
        this.checkpoint = checkpoint;
        this.lastDispatchedTimestamp = lastDispatchedTimestamp;
        this.intervalMs = intervalMs;
        this.leastPages = leastPages;
        this.thoroughIntervalMs = thoroughIntervalMs;
    }

    @Override
    public String getServiceName() {
        return "ConsumeQueueFlush";
    }

    @Override
    public void run() {
        long lastThorough = System.currentTimeMillis();
        while (!isStopped()) {
            waitForRunning(intervalMs);
            long now = System.currentTimeMillis();
            boolean thorough = now - lastThorough >= thoroughIntervalMs;
            if (thorough) {
                lastThorough = now;
            }
            flushOnce(thorough ? 0 : leastPages, thorough);
        }
        flushOnce(0, true);
    }

    /** @param pages threshold @param withCheckpointTimestamp whether to record the dispatched timestamp */
    public void flushOnce(int pages, boolean withCheckpointTimestamp) {
        long ts = lastDispatchedTimestamp.getAsLong();
        queues.flush(pages);
        if (withCheckpointTimestamp) {
            alsoFlush.run();
        }
        if (withCheckpointTimestamp && ts > 0) {
            checkpoint.setLogicsMsgTimestamp(ts);
        }
        checkpoint.flush();
    }
}
