package org.rocketmqhm.core.store.ha;

import java.util.List;

/**
 * Snapshot of the replication state, for health endpoints. Immutable.
 *
 * @param role {@code NONE}, {@code ASYNC_MASTER}, {@code SYNC_MASTER} or {@code SLAVE}
 * @param slaves master only: one entry per connected slave
 * @param push2SlaveMaxOffset master only: highest offset acknowledged by any slave (0 when none)
 * @param masterAddress slave only: HA address of the master in use (null when unknown)
 * @param masterConnected slave only: whether a connection to the master is open
 * @param localMaxOffset this store's commit-log end offset
 * @param lastMasterContactMillis slave only: wall-clock time of the last frame from the master (0: never)
 * @since 0.3.0
 */
public record ReplicationState(String role, List<SlaveLink> slaves, long push2SlaveMaxOffset, String masterAddress,
        boolean masterConnected, long localMaxOffset, long lastMasterContactMillis) {

    /** State of a store without replication. */
    public static final ReplicationState NONE = new ReplicationState("NONE", List.of(), 0, null, false, 0, 0);

    /**
     * One slave connected to a master.
     *
     * @param address the slave's remote address
     * @param ackOffset last offset the slave reported (-1 before its first report)
     * @param lagBytes master end offset minus the ack
     */
    public record SlaveLink(String address, long ackOffset, long lagBytes) {
    }
}
