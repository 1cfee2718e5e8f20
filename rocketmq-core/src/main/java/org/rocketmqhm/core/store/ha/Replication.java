package org.rocketmqhm.core.store.ha;

import java.util.concurrent.CompletableFuture;
import org.rocketmqhm.core.store.PutStatus;

/**
 * The replication side of a store (section 6 of the protocol reference): on a master it serves slaves and decides
 * when a SYNC_MASTER put is acknowledged, on a slave it pulls the master's commit log. Implementations are
 * thread-safe.
 *
 * @since 0.3.0
 */
public interface Replication {

    /** No replication: every put is acknowledged as far as replication is concerned. */
    Replication NONE = new Replication() {
        @Override
        public void start() {
        }

        @Override
        public void shutdown() {
        }

        @Override
        public CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitStoreMsgOk) {
            return ReplicaAckWaiters.OK;
        }

        @Override
        public ReplicationState state() {
            return ReplicationState.NONE;
        }
    };

    /** Starts the threads (and binds the HA port on a master). */
    void start();

    /** Stops the threads and closes every connection. */
    void shutdown();

    /**
     * Called after every local append; never blocks.
     *
     * @param endOffset commit-log offset just past the appended records
     * @param waitStoreMsgOk the message's WAIT property
     * @return completes with PUT_OK, FLUSH_SLAVE_TIMEOUT or SLAVE_NOT_AVAILABLE (section 6.4)
     */
    CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitStoreMsgOk);

    /** @return a snapshot for health endpoints */
    ReplicationState state();

    /** @param haServerAddr master HA address ({@code host:port}) learned from the name server; ignored by masters */
    default void updateMasterAddress(String haServerAddr) {
    }

    /** @return the bound HA port of a master, -1 when not listening */
    default int listenPort() {
        return -1;
    }
}
