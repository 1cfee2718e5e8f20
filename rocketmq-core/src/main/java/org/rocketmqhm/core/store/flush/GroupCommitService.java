package org.rocketmqhm.core.store.flush;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.rocketmqhm.core.store.PutStatus;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.StoreCheckpoint;
import org.rocketmqhm.core.store.log.MappedFileQueue;

/**
 * SYNC_FLUSH group commit: puts enqueue a request for their end offset and get a future; one thread drains all
 * pending requests, flushes once, and completes every request the flush covers. No thread waits per request;
 * a request not covered within {@code timeoutMs} completes with FLUSH_DISK_TIMEOUT, checked by the same thread
 * at least every 10 ms (no timer task per request: at thousands of sends per second those would keep another
 * thread busy firing timeouts of requests long answered). Thread-safety: {@link #onAppended} from any thread;
 * {@code pending} belongs to the group-commit thread.
 *
 * @since 0.1.0
 */
public final class GroupCommitService extends ServiceThread implements CommitLogFlusher {

    private static final CompletableFuture<PutStatus> OK = CompletableFuture.completedFuture(PutStatus.PUT_OK);

    private record Request(long endOffset, long deadlineNanos, CompletableFuture<PutStatus> future) {
    }

    private final ConcurrentLinkedQueue<Request> incoming = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Request> pending = new ArrayDeque<>();
    private final MappedFileQueue files;
    private final StoreCheckpoint checkpoint;
    private final long timeoutNanos;

    /** @param files commit-log files @param checkpoint checkpoint @param timeoutMs syncFlushTimeout */
    public GroupCommitService(MappedFileQueue files, StoreCheckpoint checkpoint, long timeoutMs) {
        this.files = files;
        this.checkpoint = checkpoint;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }

    @Override
    public String getServiceName() {
        return "CommitLogGroupCommit";
    }

    @Override
    public CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitForFlush) {
        if (!waitForFlush) {
            wakeup();
            return OK;
        }
        CompletableFuture<PutStatus> f = new CompletableFuture<>();
        incoming.add(new Request(endOffset, System.nanoTime() + timeoutNanos, f));
        wakeup();
        return f;
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(10);
            commit();
        }
        commit();
        Request r;
        while ((r = pending.poll()) != null) {
            r.future().complete(PutStatus.FLUSH_DISK_TIMEOUT);
        }
    }

    private void commit() {
        Request r;
        while ((r = incoming.poll()) != null) {
            pending.add(r);
        }
        if (pending.isEmpty() && files.getFlushedWhere() >= files.getMaxOffset()) {
            return;
        }
        long flushed = FlushSupport.flush(files, checkpoint, 0);
        long now = System.nanoTime();
        Iterator<Request> it = pending.iterator();
        while (it.hasNext()) {
            r = it.next();
            if (r.endOffset() <= flushed) {
                it.remove();
                r.future().complete(PutStatus.PUT_OK);
            } else if (now - r.deadlineNanos() >= 0) {
                it.remove();
                r.future().complete(PutStatus.FLUSH_DISK_TIMEOUT);
            }
        }
    }
}
