package org.rocketmqhm.core.store.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.rocketmqhm.core.store.PutStatus;

/**
 * SYNC_MASTER waiters: each put waiting for replication registers its end offset and gets a future; slave acks
 * complete every waiter they cover, a timer completes the rest with FLUSH_SLAVE_TIMEOUT. No thread blocks per
 * request. Thread-safe (one lock, held only to move entries; futures complete outside it).
 *
 * @since 0.3.0
 */
final class ReplicaAckWaiters {

    static final CompletableFuture<PutStatus> OK = CompletableFuture.completedFuture(PutStatus.PUT_OK);

    private record Waiter(long endOffset, CompletableFuture<PutStatus> future) {
    }

    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(
            (a, b) -> Long.compare(a.endOffset(), b.endOffset()));
    private final long timeoutMs;
    private long acked;

    /** @param timeoutMs slaveTimeout */
    ReplicaAckWaiters(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** @param endOffset offset a slave must acknowledge @return completes when acked or timed out */
    CompletableFuture<PutStatus> await(long endOffset) {
        synchronized (this) {
            if (endOffset <= acked) {
                return OK;
            }
            if (waiters.size() > 4096) {
                waiters.removeIf(w -> w.future().isDone());
            }
            CompletableFuture<PutStatus> f = new CompletableFuture<PutStatus>()
                    .completeOnTimeout(PutStatus.FLUSH_SLAVE_TIMEOUT, timeoutMs, TimeUnit.MILLISECONDS);
            waiters.add(new Waiter(endOffset, f));
            return f;
        }
    }

    /** @param ackOffset highest offset acknowledged by a slave */
    void acked(long ackOffset) {
        List<Waiter> done = null;
        synchronized (this) {
            if (ackOffset <= acked) {
                return;
            }
            acked = ackOffset;
            Waiter w;
            while ((w = waiters.peek()) != null && w.endOffset() <= ackOffset) {
                waiters.poll();
                if (done == null) {
                    done = new ArrayList<>();
                }
                done.add(w);
            }
        }
        if (done != null) {
            for (Waiter w : done) {
                w.future().complete(PutStatus.PUT_OK);
            }
        }
    }

    /** Completes every waiter with FLUSH_SLAVE_TIMEOUT (shutdown). */
    void failAll() {
        List<Waiter> all;
        synchronized (this) {
            all = new ArrayList<>(waiters);
            waiters.clear();
        }
        all.forEach(w -> w.future().complete(PutStatus.FLUSH_SLAVE_TIMEOUT));
    }
}
