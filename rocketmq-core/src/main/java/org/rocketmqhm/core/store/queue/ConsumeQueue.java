package org.rocketmqhm.core.store.queue;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.List;
import org.rocketmqhm.core.store.log.MappedFile;
import org.rocketmqhm.core.store.log.MappedFileQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logical queue of one topic/queueId: fixed 20-byte units in mapped files under
 * {@code consumequeue/<topic>/<queueId>/<20-digit start byte offset>}. Unit {@code n} sits at byte {@code n * 20}.
 *
 * <pre>
 * +---------------------------+-------------+---------------------+
 * | commitLogOffset (int64)   | size (int32)| tagsCode (int64)    |
 * +---------------------------+-------------+---------------------+
 * </pre>
 *
 * A unit with size 0 is empty (padding or end). Written only by the dispatch thread; read by any thread.
 *
 * @since 0.1.0
 */
public final class ConsumeQueue {

    /** Bytes per unit. */
    public static final int UNIT_SIZE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ConsumeQueue.class);

    private final String topic;
    private final int queueId;
    private final MappedFileQueue files;
    private final ByteBuffer unit = ByteBuffer.allocate(UNIT_SIZE);
    private volatile long maxPhysicOffset = -1;
    private volatile long minLogicOffset;

    /** @param rootDir consume-queue root @param topic topic @param queueId queue @param fileSize file size */
    public ConsumeQueue(String rootDir, String topic, int queueId, int fileSize) {
        this.topic = topic;
        this.queueId = queueId;
        this.files = new MappedFileQueue(rootDir + File.separator + topic + File.separator + queueId, fileSize);
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    /** Maps existing files and finds the end: the first empty unit in the last files. @return load success */
    public boolean load() {
        boolean ok = files.load();
        recover();
        return ok;
    }

    private void recover() {
        List<MappedFile> list = files.getFiles();
        if (list.isEmpty()) {
            return;
        }
        int start = Math.max(0, list.size() - 3);
        long end = list.get(start).getFileFromOffset();
        long maxPhys = -1;
        boolean seenUnit = false;
        outer:
        for (int i = start; i < list.size(); i++) {
            MappedFile mf = list.get(i);
            ByteBuffer buf = mf.slice(0, mf.getFileSize());
            for (int pos = 0; pos + UNIT_SIZE <= mf.getFileSize(); pos += UNIT_SIZE) {
                long off = buf.getLong(pos);
                int size = buf.getInt(pos + 8);
                if (off >= 0 && size > 0) {
                    end = mf.getFileFromOffset() + pos + UNIT_SIZE;
                    maxPhys = off + size;
                    seenUnit = true;
                } else if (seenUnit) {
                    break outer;
                }
            }
        }
        files.truncateTo(end);
        maxPhysicOffset = maxPhys;
        minLogicOffset = firstUsedOffset();
    }

    private long firstUsedOffset() {
        MappedFile first = files.getFirstFile();
        if (first == null) {
            return 0;
        }
        ByteBuffer buf = first.slice(0);
        for (int pos = 0; pos + UNIT_SIZE <= buf.limit(); pos += UNIT_SIZE) {
            if (buf.getInt(pos + 8) > 0) {
                return first.getFileFromOffset() + pos;
            }
        }
        return first.getFileFromOffset() + buf.limit();
    }

    /**
     * Writes unit {@code queueOffset}; idempotent for units already present (recovery re-dispatch). A gap is
     * padded with empty units.
     *
     * @param queueOffset logical offset
     * @param phyOffset commit-log offset
     * @param size record size
     * @param tagsCode tags code
     */
    public void putUnit(long queueOffset, long phyOffset, int size, long tagsCode) {
        long expected = queueOffset * UNIT_SIZE;
        long max = files.getMaxOffset();
        if (files.isEmpty()) {
            MappedFile mf = files.getOrCreateWritableFile(expected);
            int pad = (int) (expected - mf.getFileFromOffset());
            mf.resetPositions(pad);
            minLogicOffset = expected;
            max = expected;
        }
        if (expected < max) {
            return;
        }
        while (max < expected) {
            LOG.warn("consume queue {}-{}: padding gap at {} (expected {})", topic, queueId, max / UNIT_SIZE,
                    queueOffset);
            writeUnit(0, 0, 0);
            max = files.getMaxOffset();
        }
        writeUnit(phyOffset, size, tagsCode);
        maxPhysicOffset = phyOffset + size;
    }

    private void writeUnit(long phyOffset, int size, long tagsCode) {
        MappedFile mf = files.getOrCreateWritableFile(files.getMaxOffset());
        unit.clear();
        unit.putLong(phyOffset).putInt(size).putLong(tagsCode).flip();
        mf.writeView().put(unit);
        mf.advance(UNIT_SIZE, 0);
    }

    /** @return next logical offset to be written */
    public long getMaxOffsetInQueue() {
        return files.getMaxOffset() / UNIT_SIZE;
    }

    /** @return first logical offset still available */
    public long getMinOffsetInQueue() {
        return minLogicOffset / UNIT_SIZE;
    }

    /** @return end (offset + size) of the last record referenced, -1 when empty */
    public long getMaxPhysicOffset() {
        return maxPhysicOffset;
    }

    /**
     * @param queueOffset logical offset
     * @return units from that offset to the published end of its file (zero-copy), or null if not available
     */
    public ByteBuffer unitsFrom(long queueOffset) {
        long byteOffset = queueOffset * UNIT_SIZE;
        if (byteOffset < minLogicOffset) {
            return null;
        }
        MappedFile mf = files.findFileByOffset(byteOffset);
        if (mf == null) {
            return null;
        }
        ByteBuffer b = mf.slice((int) (byteOffset - mf.getFileFromOffset()));
        return b == null || b.remaining() < UNIT_SIZE ? null : b;
    }

    /** @param queueOffset logical offset @return first logical offset of the following file */
    public long rollNextFile(long queueOffset) {
        long unitsPerFile = files.getFileSize() / UNIT_SIZE;
        return queueOffset + unitsPerFile - queueOffset % unitsPerFile;
    }

    /**
     * Drops units pointing at or past {@code phyEnd} (the commit log was cut there).
     *
     * @param phyEnd commit-log end offset
     */
    public void truncateByPhysicalEnd(long phyEnd) {
        long maxBytes = files.getMaxOffset();
        long newEnd = maxBytes;
        long newMaxPhys = -1;
        for (long p = maxBytes - UNIT_SIZE; p >= minLogicOffset; p -= UNIT_SIZE) {
            MappedFile mf = files.findFileByOffset(p);
            if (mf == null) {
                break;
            }
            ByteBuffer u = mf.slice((int) (p - mf.getFileFromOffset()), UNIT_SIZE);
            long off = u.getLong(0);
            int size = u.getInt(8);
            if (size > 0 && off + size <= phyEnd) {
                newMaxPhys = off + size;
                break;
            }
            newEnd = p;
        }
        if (newEnd < maxBytes) {
            LOG.warn("consume queue {}-{}: dropping units {}..{} past commit-log end {}", topic, queueId,
                    newEnd / UNIT_SIZE, maxBytes / UNIT_SIZE - 1, phyEnd);
            files.truncateTo(newEnd);
        }
        maxPhysicOffset = newMaxPhys;
    }

    /**
     * Removes the first file when every unit in it points below {@code minPhyOffset} (never the last file).
     *
     * @param minPhyOffset commit log's min offset
     * @return the removed file (caller deletes and later closes it), or null
     */
    public MappedFile removeFirstFileBelow(long minPhyOffset) {
        return files.removeFirstIf(mf -> {
            ByteBuffer u = mf.slice(mf.getFileSize() - UNIT_SIZE, UNIT_SIZE);
            return u != null && u.getLong(0) + u.getInt(8) <= minPhyOffset;
        });
    }

    /**
     * Moves the min logical offset past units that point below {@code minPhyOffset} (retention deleted them).
     *
     * @param minPhyOffset commit log's min offset
     */
    public void correctMinOffset(long minPhyOffset) {
        MappedFile first = files.getFirstFile();
        if (first == null) {
            return;
        }
        ByteBuffer buf = first.slice(0);
        long min = Math.max(minLogicOffset, first.getFileFromOffset());
        int pos = (int) (min - first.getFileFromOffset());
        for (; pos + UNIT_SIZE <= buf.limit(); pos += UNIT_SIZE) {
            if (buf.getInt(pos + 8) > 0 && buf.getLong(pos) >= minPhyOffset) {
                break;
            }
        }
        long next = first.getFileFromOffset() + Math.min(pos, buf.limit() / UNIT_SIZE * UNIT_SIZE);
        if (next > minLogicOffset) {
            LOG.info("consume queue {}-{}: min offset {} -> {} (commit log min {})", topic, queueId,
                    minLogicOffset / UNIT_SIZE, next / UNIT_SIZE, minPhyOffset);
            minLogicOffset = next;
        }
    }

    /** @param leastPages dirty-page threshold @return flushed byte offset */
    public long flush(int leastPages) {
        return files.flush(leastPages);
    }

    /** Unmaps without flushing. */
    public void close() {
        files.close();
    }

    /** Deletes all files of this queue. */
    public void destroy() {
        files.destroy();
    }
}
