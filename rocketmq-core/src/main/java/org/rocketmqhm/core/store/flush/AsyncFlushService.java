package org.rocketmqhm.core.store.flush;

import java.util.concurrent.CompletableFuture;
import org.rocketmqhm.core.store.PutStatus;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.StoreCheckpoint;
import org.rocketmqhm.core.store.log.MappedFileQueue;

/**
 * ASYNC_FLUSH: flushes the commit log every {@code intervalMs} when at least {@code leastPages} pages are dirty,
 * and fully every {@code thoroughIntervalMs}. Puts are acknowledged immediately.
 *
 * @since 0.1.0
 */
public final class AsyncFlushService extends ServiceThread implements CommitLogFlusher {

    private static final CompletableFuture<PutStatus> OK = CompletableFuture.completedFuture(PutStatus.PUT_OK);
    private final MappedFileQueue files;
    private final StoreCheckpoint checkpoint;
    private final int intervalMs;
    private final int leastPages;
    private final int thoroughIntervalMs;

    /**
     * @param files commit-log files
     * @param checkpoint checkpoint to update
     * @param intervalMs flush period
     * @param leastPages dirty-page threshold
     * @param thoroughIntervalMs period of unconditional flushes
     */
    public AsyncFlushService(MappedFileQueue files, StoreCheckpoint checkpoint, int intervalMs, int leastPages,
            int thoroughIntervalMs) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.intervalMs = intervalMs;
        this.leastPages = leastPages;
        this.thoroughIntervalMs = thoroughIntervalMs;
    }

    @Override
    public String getServiceName() {
        return "CommitLogAsyncFlush";
    }

    @Override
    public CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitForFlush) {
        return OK;
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
            FlushSupport.flush(files, checkpoint, thorough ? 0 : leastPages);
        }
        FlushSupport.flush(files, checkpoint, 0);
    }
}
