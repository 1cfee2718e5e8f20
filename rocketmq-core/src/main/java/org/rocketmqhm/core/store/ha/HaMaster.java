package org.rocketmqhm.core.store.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.rocketmqhm.core.store.PutStatus;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.log.CommitLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master side of replication: accepts slaves on the HA port (one {@link HaConnection} each), tracks
 * {@code push2SlaveMaxOffset} (the highest slave ack) and applies the SYNC_MASTER acknowledgement rule of section
 * 6.4. An ASYNC_MASTER serves slaves the same way but never makes a put wait. Thread-safe.
 *
 * @since 0.3.0
 */
public final class HaMaster implements Replication {

    private static final Logger LOG = LoggerFactory.getLogger(HaMaster.class);

    private final CommitLog commitLog;
    private final MessageStoreConfig config;
    private final boolean syncMaster;
    private final List<HaConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicLong push2SlaveMaxOffset = new AtomicLong();
    private final ReplicaAckWaiters waiters;
    private volatile ServerSocketChannel server;
    private volatile Thread acceptor;

    /**
     * @param commitLog the log to replicate
     * @param config haListenPort, haTransferBatchSize, haSendHeartbeatInterval, haHousekeepingInterval,
     *     haSlaveFallbehindMax, slaveTimeout
     * @param syncMaster whether puts wait for a slave ack (SYNC_MASTER)
     */
    public HaMaster(CommitLog commitLog, MessageStoreConfig config, boolean syncMaster) {
        this.commitLog = commitLog;
        this.config = config;
        this.syncMaster = syncMaster;
        this.waiters = new ReplicaAckWaiters(config.getSlaveTimeout());
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            ServerSocketChannel ssc = ServerSocketChannel.open();
            ssc.socket().setReuseAddress(true);
            ssc.bind(new InetSocketAddress(config.getHaListenPort()));
            server = ssc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the HA port " + config.getHaListenPort(), e);
        }
        Thread t = new Thread(this::acceptLoop, "HaAcceptor-" + listenPort());
        t.setDaemon(true);
        acceptor = t;
        t.start();
        LOG.info("HA server listening on port {} ({})", listenPort(), syncMaster ? "SYNC_MASTER" : "ASYNC_MASTER");
    }

    private void acceptLoop() {
        ServerSocketChannel ssc = server;
        while (ssc.isOpen()) {
            try {
                SocketChannel sc = ssc.accept();
                HaConnection c = new HaConnection(sc, commitLog, config, this);
                connections.add(c);
                c.start();
                LOG.info("slave connected from {}", c.remoteAddress());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("HA accept failed: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void shutdown() {
        ServerSocketChannel ssc = server;
        if (ssc == null) {
            return;
        }
        try {
            ssc.close();
        } catch (IOException ignored) {
            // closing the listener cannot lose data
        }
        for (HaConnection c : connections) {
            c.close();
        }
        connections.clear();
        waiters.failAll();
        server = null;
    }

    @Override
    public int listenPort() {
        ServerSocketChannel ssc = server;
        return ssc == null ? -1 : ssc.socket().getLocalPort();
    }

    @Override
    public CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitStoreMsgOk) {
        for (HaConnection c : connections) {
            c.wakeup();
        }
        if (!syncMaster || !waitStoreMsgOk) {
            return ReplicaAckWaiters.OK;
        }
        if (connections.isEmpty()
                || commitLog.getMaxOffset() - push2SlaveMaxOffset.get() >= config.getHaSlaveFallbehindMax()) {
            return CompletableFuture.completedFuture(PutStatus.SLAVE_NOT_AVAILABLE);
        }
        return waiters.await(endOffset);
    }

    /** Called by a connection for every slave report. @param ackOffset the reported offset */
    void onSlaveAck(long ackOffset) {
        long max = push2SlaveMaxOffset.accumulateAndGet(ackOffset, Math::max);
        waiters.acked(max);
    }

    /** @param c a connection that closed */
    void onClosed(HaConnection c) {
        connections.remove(c);
    }

    /** @return connected slaves @since 0.3.0 */
    public int connectionCount() {
        return connections.size();
    }

    /** @return highest offset acknowledged by any slave */
    public long push2SlaveMaxOffset() {
        return push2SlaveMaxOffset.get();
    }

    @Override
    public ReplicationState state() {
        long max = commitLog.getMaxOffset();
        List<ReplicationState.SlaveLink> links = new ArrayList<>();
        for (HaConnection c : connections) {
            long ack = c.ackOffset();
            links.add(new ReplicationState.SlaveLink(c.remoteAddress(), ack, ack < 0 ? max : max - ack));
        }
        return new ReplicationState(syncMaster ? "SYNC_MASTER" : "ASYNC_MASTER", List.copyOf(links),
                push2SlaveMaxOffset.get(), null, false, max, 0);
    }
}
