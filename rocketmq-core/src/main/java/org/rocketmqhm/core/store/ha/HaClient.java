package org.rocketmqhm.core.store.ha;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.rocketmqhm.core.store.PutStatus;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.log.CommitLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slave side of replication: one thread that connects to the master's HA address (configured
 * {@code haMasterAddress}, else the one learned from REGISTER_BROKER), reports its commit-log end offset (8 bytes)
 * right after connecting, after every frame that extended the log and at least every
 * {@code haSendHeartbeatInterval}, and appends the received bytes through {@link TransferFrameDecoder} at exactly
 * its own end offset. A frame at any other offset, a failed append, or {@code haHousekeepingInterval} without
 * reading closes the connection; it reconnects every second while a master address is known. Appended bytes are
 * announced through {@code onAppended} so the store's dispatcher builds consume queues and the index.
 *
 * <p>Apache's slave waits one heartbeat interval before its first report; reporting at once only makes the
 * transfer start sooner and is equally valid for an Apache master.
 *
 * @since 0.3.0
 */
public final class HaClient extends ServiceThread implements Replication {

    private static final Logger LOG = LoggerFactory.getLogger(HaClient.class);
    private static final int READ_BUFFER_SIZE = 4 * 1024 * 1024;

    private final CommitLog commitLog;
    private final Runnable onAppended;
    private final int heartbeatMs;
    private final int housekeepingMs;
    private final ByteBuffer report = ByteBuffer.allocate(8);
    private final TransferFrameDecoder decoder;
    private volatile String masterAddress;
    private volatile boolean connected;
    private volatile long lastContactMillis;
    private SocketChannel channel;
    private volatile Selector selector;
    private long reportedOffset;
    private long lastReportMillis;
    private long lastReadMillis;

    /**
     * @param commitLog the slave's commit log
     * @param onAppended called after replicated bytes were appended (wakes the dispatcher)
     * @param config haMasterAddress, haSendHeartbeatInterval, haHousekeepingInterval
     */
    public HaClient(CommitLog commitLog, Runnable onAppended, MessageStoreConfig config) {
        this.commitLog = commitLog;
        this.onAppended = onAppended;
        this.heartbeatMs = config.getHaSendHeartbeatInterval();
        this.housekeepingMs = config.getHaHousekeepingInterval();
        this.masterAddress = blankToNull(config.getHaMasterAddress());
        this.decoder = new TransferFrameDecoder(READ_BUFFER_SIZE, commitLog::getMaxOffset, this::append);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String getServiceName() {
        return "HaClient";
    }

    @Override
    public void updateMasterAddress(String haServerAddr) {
        String addr = blankToNull(haServerAddr);
        if (addr != null && !addr.equals(masterAddress)) {
            LOG.info("master HA address changed from {} to {}", masterAddress, addr);
            masterAddress = addr;
            wakeup();
        }
    }

    @Override
    public void wakeup() {
        super.wakeup();
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    @Override
    public CompletableFuture<PutStatus> onAppended(long endOffset, boolean waitStoreMsgOk) {
        return ReplicaAckWaiters.OK;
    }

    @Override
    public ReplicationState state() {
        return new ReplicationState("SLAVE", List.of(), 0, masterAddress, connected, commitLog.getMaxOffset(),
                lastContactMillis);
    }

    @Override
    public void run() {
        while (!isStopped()) {
            try {
                if (channel == null && !connect()) {
                    waitForRunning(1000);
                    continue;
                }
                long now = System.currentTimeMillis();
                if (now - lastReportMillis >= heartbeatMs && !report(commitLog.getMaxOffset())) {
                    disconnect("report failed");
                    continue;
                }
                selector.select(1000);
                if (!readFrames()) {
                    disconnect("bad frame or end of stream");
                    continue;
                }
                long max = commitLog.getMaxOffset();
                if (max > reportedOffset && !report(max)) {
                    disconnect("report failed");
                    continue;
                }
                if (System.currentTimeMillis() - lastReadMillis > housekeepingMs) {
                    disconnect("nothing read for " + housekeepingMs + " ms");
                }
            } catch (IOException | RuntimeException e) {
                disconnect(e.toString());
                waitForRunning(1000);
            }
        }
        disconnect("shutdown");
    }

    private boolean connect() throws IOException {
        String addr = masterAddress;
        if (addr == null) {
            return false;
        }
        int colon = addr.lastIndexOf(':');
        SocketChannel sc = SocketChannel.open();
        try {
            sc.socket().connect(new InetSocketAddress(addr.substring(0, colon),
                    Integer.parseInt(addr.substring(colon + 1))), 3000);
            sc.configureBlocking(false);
            sc.socket().setTcpNoDelay(true);
            selector = Selector.open();
            sc.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            sc.close();
            LOG.debug("cannot connect to master {}: {}", addr, e.toString());
            return false;
        }
        channel = sc;
        decoder.reset();
        reportedOffset = commitLog.getMaxOffset();
        lastReportMillis = 0;
        lastReadMillis = System.currentTimeMillis();
        connected = true;
        LOG.info("connected to master {} at local offset {}", addr, reportedOffset);
        return true;
    }

    private boolean readFrames() throws IOException {
        int zeroReads = 0;
        while (zeroReads < 3) {
            int n = channel.read(decoder.buffer());
            if (n > 0) {
                zeroReads = 0;
                lastReadMillis = System.currentTimeMillis();
                lastContactMillis = lastReadMillis;
                if (!decoder.decode()) {
                    return false;
                }
            } else if (n == 0) {
                zeroReads++;
            } else {
                return false;
            }
        }
        return true;
    }

    private boolean append(long offset, ByteBuffer data) {
        if (!commitLog.appendReplicated(offset, data)) {
            LOG.warn("cannot append {} replicated bytes at offset {} (local end {})", data.remaining(), offset,
                    commitLog.getMaxOffset());
            return false;
        }
        onAppended.run();
        return true;
    }

    private boolean report(long offset) throws IOException {
        report.clear();
        report.putLong(offset).flip();
        for (int i = 0; i < 3 && report.hasRemaining(); i++) {
            channel.write(report);
        }
        if (report.hasRemaining()) {
            return false;
        }
        reportedOffset = offset;
        lastReportMillis = System.currentTimeMillis();
        return true;
    }

    private void disconnect(String reason) {
        if (channel == null) {
            return;
        }
        LOG.info("disconnecting from master {}: {}", masterAddress, reason);
        try {
            selector.close();
            channel.close();
        } catch (IOException ignored) {
            // reconnecting anyway
        }
        channel = null;
        selector = null;
        connected = false;
    }
}
