package org.rocketmqhm.core.store.ha;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.log.CommitLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slave connected to the master, served by two dedicated threads (never Netty's): a report reader and a
 * {@link TransferPusher}. Reports are 8-byte big-endian offsets (section 6.2): the first fixes where the transfer
 * starts, every one is an ack; a report beyond the master's end closes the connection, as does silence for
 * {@code haHousekeepingInterval}. Thread-safe.
 *
 * @since 0.3.0
 */
final class HaConnection {

    private static final Logger LOG = LoggerFactory.getLogger(HaConnection.class);

    private final SocketChannel channel;
    private final CommitLog commitLog;
    private final HaMaster master;
    private final TransferPusher pusher;
    private final String remote;
    private final int housekeepingMs;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long requestOffset = -1;
    private volatile long ackOffset = -1;

    HaConnection(SocketChannel channel, CommitLog commitLog, MessageStoreConfig config, HaMaster master)
            throws IOException {
        this.channel = channel;
        this.commitLog = commitLog;
        this.master = master;
        this.housekeepingMs = config.getHaHousekeepingInterval();
        this.remote = String.valueOf(channel.getRemoteAddress()).replaceFirst("^/", "");
        channel.configureBlocking(true);
        channel.socket().setTcpNoDelay(true);
        channel.socket().setSoTimeout(housekeepingMs);
        this.pusher = new TransferPusher(this, channel, commitLog, config);
    }

    void start() {
        Thread reader = new Thread(this::readReports, "HaReportReader-" + remote);
        reader.setDaemon(true);
        reader.start();
        pusher.start();
    }

    private void readReports() {
        try (DataInputStream in = new DataInputStream(channel.socket().getInputStream())) {
            while (!closed.get()) {
                long offset = in.readLong();
                if (offset > commitLog.getMaxOffset()) {
                    LOG.warn("slave {} reported offset {} beyond the master's end {}; closing", remote, offset,
                            commitLog.getMaxOffset());
                    break;
                }
                if (requestOffset < 0) {
                    requestOffset = offset;
                    LOG.info("slave {} requests transfer from offset {}", remote, offset);
                }
                ackOffset = offset;
                master.onSlaveAck(offset);
                pusher.wakeup();
            }
        } catch (SocketTimeoutException e) {
            LOG.warn("slave {} sent nothing for {} ms; closing", remote, housekeepingMs);
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.info("slave {} disconnected: {}", remote, e.toString());
            }
        }
        close();
    }

    /** @return the slave's first report (-1 before it arrived) */
    long requestOffset() {
        return requestOffset;
    }

    long ackOffset() {
        return ackOffset;
    }

    String remoteAddress() {
        return remote;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Wakes the pusher (new data was appended). */
    void wakeup() {
        pusher.wakeup();
    }

    /** Closes the socket and stops both threads; idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to recover
        }
        pusher.shutdown();
        master.onClosed(this);
        LOG.info("HA connection to slave {} closed", remote);
    }
}
