package org.rocketmqhm.core.store.ha;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.log.CommitLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the commit log to one slave as transfer frames (section 6.2):
 * <pre>
 * +----------------------+-------------+------------------------+
 * | phyOffset (int64 BE) | size (int32)| size bytes of the log  |
 * +----------------------+-------------+------------------------+
 * </pre>
 * A frame carries at most {@code haTransferBatchSize} bytes and never crosses a commit-log file end; the bytes are
 * sent straight from the mapped file (a gathering write of the header and a mapped slice, no heap copy). Size 0 is
 * a heartbeat, sent after {@code haSendHeartbeatInterval} without data. The first frame starts at the slave's first
 * report, or at the start of the master's newest file when the slave is empty. Woken by appends; only this
 * thread writes to the socket.
 *
 * @since 0.3.0
 */
final class TransferPusher extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(TransferPusher.class);

    private final HaConnection connection;
    private final SocketChannel channel;
    private final CommitLog commitLog;
    private final int batchSize;
    private final int heartbeatMs;
    private final ByteBuffer header = ByteBuffer.allocateDirect(12);
    private final ByteBuffer[] frame = new ByteBuffer[2];
    private long nextTransferFromWhere = -1;
    private long lastWriteMillis = System.currentTimeMillis();

    TransferPusher(HaConnection connection, SocketChannel channel, CommitLog commitLog, MessageStoreConfig config) {
        this.connection = connection;
        this.channel = channel;
        this.commitLog = commitLog;
        this.batchSize = config.getHaTransferBatchSize();
        this.heartbeatMs = config.getHaSendHeartbeatInterval();
    }

    @Override
    public String getServiceName() {
        return "HaTransferPusher-" + connection.remoteAddress();
    }

    @Override
    public void run() {
        try {
            while (!isStopped() && !connection.isClosed()) {
                long request = connection.requestOffset();
                if (request < 0) {
                    waitForRunning(100);
                    continue;
                }
                if (nextTransferFromWhere < 0) {
                    nextTransferFromWhere = request == 0 ? startOfNewestFile() : request;
                    LOG.info("transfer to slave {} starts at offset {}", connection.remoteAddress(),
                            nextTransferFromWhere);
                }
                if (!pushOnce()) {
                    if (System.currentTimeMillis() - lastWriteMillis >= heartbeatMs) {
                        write(nextTransferFromWhere, null);
                    }
                    waitForRunning(Math.min(heartbeatMs, 1000));
                }
            }
        } catch (IOException e) {
            if (!connection.isClosed()) {
                LOG.info("transfer to slave {} failed: {}", connection.remoteAddress(), e.toString());
            }
        }
        connection.close();
    }

    private long startOfNewestFile() {
        long max = commitLog.getMaxOffset();
        return Math.max(0, max - max % commitLog.files().getFileSize());
    }

    /** @return whether data was sent */
    private boolean pushOnce() throws IOException {
        ByteBuffer data = commitLog.data(nextTransferFromWhere);
        if (data == null || !data.hasRemaining()) {
            return false;
        }
        int size = Math.min(data.remaining(), batchSize);
        data.limit(data.position() + size);
        write(nextTransferFromWhere, data);
        nextTransferFromWhere += size;
        return true;
    }

    private void write(long offset, ByteBuffer data) throws IOException {
        header.clear();
        header.putLong(offset).putInt(data == null ? 0 : data.remaining()).flip();
        if (data == null) {
            while (header.hasRemaining()) {
                channel.write(header);
            }
        } else {
            frame[0] = header;
            frame[1] = data;
            while (header.hasRemaining() || data.hasRemaining()) {
                channel.write(frame);
            }
            frame[1] = null;
        }
        lastWriteMillis = System.currentTimeMillis();
    }
}
