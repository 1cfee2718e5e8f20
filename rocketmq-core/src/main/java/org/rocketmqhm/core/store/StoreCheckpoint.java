package org.rocketmqhm.core.store;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import org.rocketmqhm.core.store.log.MappedBuffers;

/**
 * The 4 KiB {@code checkpoint} file: int64 at 0 = store timestamp of the last flushed commit-log record, at 8 =
 * last flushed consume-queue record, at 16 = last index record. Thread-safe (volatile fields, synchronized flush).
 *
 * @since 0.1.0
 */
public final class StoreCheckpoint {

    private static final int SIZE = 4096;
    private final RandomAccessFile raf;
    private final MappedByteBuffer mapped;
    private volatile long physicMsgTimestamp;
    private volatile long logicsMsgTimestamp;
    private volatile long indexMsgTimestamp;

    /** @param path checkpoint file */
    public StoreCheckpoint(String path) {
        try {
            File f = new File(path);
            f.getParentFile().mkdirs();
            raf = new RandomAccessFile(f, "rw");
            boolean exists = raf.length() >= 24;
            mapped = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
            if (exists) {
                physicMsgTimestamp = mapped.getLong(0);
                logicsMsgTimestamp = mapped.getLong(8);
                indexMsgTimestamp = mapped.getLong(16);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the three timestamps and forces them. */
    public synchronized void flush() {
        mapped.putLong(0, physicMsgTimestamp);
        mapped.putLong(8, logicsMsgTimestamp);
        mapped.putLong(16, indexMsgTimestamp);
        mapped.force();
    }

    /** Unmaps and closes. */
    public synchronized void close() {
        MappedBuffers.unmap(mapped);
        try {
            raf.close();
        } catch (IOException ignored) {
            // nothing to lose
        }
    }

    /** @return min of the commit-log and consume-queue timestamps */
    public long minTimestamp() {
        return Math.min(physicMsgTimestamp, logicsMsgTimestamp);
    }

    public long getPhysicMsgTimestamp() {
        return physicMsgTimestamp;
    }

    public void setPhysicMsgTimestamp(long ts) {
        this.physicMsgTimestamp = ts;
    }

    public long getLogicsMsgTimestamp() {
        return logicsMsgTimestamp;
    }

    public void setLogicsMsgTimestamp(long ts) {
        this.logicsMsgTimestamp = ts;
    }

    public long getIndexMsgTimestamp() {
        return indexMsgTimestamp;
    }

    public void setIndexMsgTimestamp(long ts) {
        this.indexMsgTimestamp = ts;
    }
}
