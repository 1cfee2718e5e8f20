package org.rocketmqhm.core.store.flush;

import java.util.concurrent.CompletableFuture;
import org.rocketmqhm.core.store.PutStatus;

/** Flush policy of the commit log: decides when a put is acknowledged. @since 0.1.0 */
public interface CommitLogFlusher {

    void start();

    /** Stops the thread after a final full flush. */
    void shutdown();

    /**
     * @param endOffset commit-log offset just past the appended records
     * @param waitForFlush whether the producer asked to wait (WAIT property)
     * @return completes with PUT_OK once acknowledged, or FLUSH_DISK_TIMEOUT
     */
    CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitForFlush);
}
