package org.rocketmqhm.core.store.index;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.List;
import org.rocketmqhm.core.store.log.MappedBuffers;

/**
 * One hash index file ({@code index/<yyyyMMddHHmmssSSS>}) mapping message keys to commit-log offsets.
 *
 * <pre>
 * header (40 B): beginTimestamp int64 | endTimestamp int64 | beginPhyOffset int64 | endPhyOffset int64
 *                | hashSlotCount int32 | indexCount int32
 * slots:         maxHashSlotNum x int32 = index of the newest entry whose hash falls in the slot (0 = none)
 * entries (20 B): keyHash int32 | phyOffset int64 | timeDiffSeconds int32 (from beginTimestamp) | prevIndex int32
 * </pre>
 *
 * Entry 0 is never used, so index 0 means "end of chain"; {@code indexCount} starts at 1. Entries of one slot form
 * a backwards chain through {@code prevIndex}; different keys may share a slot (the chain is filtered by hash).
 *
 * <p>Thread-safety: a single writer (the reput thread) calls {@link #putKey}; readers may call
 * {@link #selectPhyOffsets} concurrently. The writer fills the entry before publishing it through the slot and
 * the volatile {@code indexCount}, which readers read first.
 *
 * @since 0.2.0
 */
public final class IndexFile {

    /** Header size in bytes. */
    public static final int HEADER_SIZE = 40;
    /** Slot size in bytes. */
    public static final int SLOT_SIZE = 4;
    /** Entry size in bytes. */
    public static final int ENTRY_SIZE = 20;

    private final File file;
    private final int hashSlotNum;
    private final int indexNum;
    private final MappedByteBuffer mapped;
    private volatile long beginTimestamp;
    private volatile long endTimestamp;
    private volatile long beginPhyOffset;
    private volatile long endPhyOffset;
    private volatile int indexCount;

    /**
     * Opens or creates an index file.
     *
     * @param file path
     * @param hashSlotNum slots (for a new file)
     * @param indexNum max entries (for a new file)
     */
    public IndexFile(File file, int hashSlotNum, int indexNum) {
        this.file = file;
        try {
            Files.createDirectories(file.getParentFile().toPath());
            boolean existed = file.exists() && file.length() >= HEADER_SIZE;
            try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
                int slots = hashSlotNum;
                int entries = indexNum;
                if (existed) {
                    raf.seek(32);
                    slots = raf.readInt();
                    long left = raf.length() - HEADER_SIZE - (long) slots * SLOT_SIZE;
                    entries = (int) (left / ENTRY_SIZE);
                }
                long size = HEADER_SIZE + (long) slots * SLOT_SIZE + (long) entries * ENTRY_SIZE;
                if (raf.length() < size) {
                    raf.setLength(size);
                }
                this.hashSlotNum = slots;
                this.indexNum = entries;
                this.mapped = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map index file " + file, e);
        }
        if (existed()) {
            beginTimestamp = mapped.getLong(0);
            endTimestamp = mapped.getLong(8);
            beginPhyOffset = mapped.getLong(16);
            endPhyOffset = mapped.getLong(24);
            indexCount = Math.max(1, mapped.getInt(36));
        } else {
            mapped.putInt(32, hashSlotNum);
            indexCount = 1;
            mapped.putInt(36, 1);
        }
    }

    private boolean existed() {
        return mapped.getInt(32) == hashSlotNum && hashSlotNum > 0 && mapped.getInt(36) > 0;
    }

    public File getFile() {
        return file;
    }

    /** @return whether no entry can be added */
    public boolean isFull() {
        return indexCount >= indexNum;
    }

    /**
     * Adds one key (writer thread only).
     *
     * @param key full key ({@code topic#key})
     * @param phyOffset commit-log offset of the record
     * @param storeTimestamp store timestamp of the record
     * @return false when the file is full
     */
    public boolean putKey(String key, long phyOffset, long storeTimestamp) {
        int idx = indexCount;
        if (idx >= indexNum) {
            return false;
        }
        int hash = keyHash(key);
        int slotPos = HEADER_SIZE + (hash % hashSlotNum) * SLOT_SIZE;
        int prev = mapped.getInt(slotPos);
        if (prev < 0 || prev >= idx) {
            prev = 0;
        }
        if (idx == 1) {
            beginTimestamp = storeTimestamp;
            beginPhyOffset = phyOffset;
            mapped.putLong(0, storeTimestamp);
            mapped.putLong(16, phyOffset);
        }
        long diff = Math.max(0, (storeTimestamp - beginTimestamp) / 1000);
        int entryPos = HEADER_SIZE + hashSlotNum * SLOT_SIZE + idx * ENTRY_SIZE;
        mapped.putInt(entryPos, hash);
        mapped.putLong(entryPos + 4, phyOffset);
        mapped.putInt(entryPos + 12, (int) Math.min(Integer.MAX_VALUE, diff));
        mapped.putInt(entryPos + 16, prev);
        mapped.putInt(slotPos, idx);
        endTimestamp = storeTimestamp;
        endPhyOffset = phyOffset;
        mapped.putLong(8, storeTimestamp);
        mapped.putLong(24, phyOffset);
        mapped.putInt(36, idx + 1);
        indexCount = idx + 1;
        return true;
    }

    /**
     * Collects offsets of entries with the key's hash whose time lies in [begin, end], newest first.
     *
     * @param out where offsets are added
     * @param key full key
     * @param maxNum stop once {@code out} holds this many
     * @param begin earliest store time (ms)
     * @param end latest store time (ms)
     */
    public void selectPhyOffsets(List<Long> out, String key, int maxNum, long begin, long end) {
        int count = indexCount;
        int hash = keyHash(key);
        int idx = mapped.getInt(HEADER_SIZE + (hash % hashSlotNum) * SLOT_SIZE);
        long base = beginTimestamp;
        int guard = count;
        while (idx > 0 && idx < count && out.size() < maxNum && guard-- > 0) {
            int entryPos = HEADER_SIZE + hashSlotNum * SLOT_SIZE + idx * ENTRY_SIZE;
            int h = mapped.getInt(entryPos);
            long phy = mapped.getLong(entryPos + 4);
            long time = base + mapped.getInt(entryPos + 12) * 1000L;
            int prev = mapped.getInt(entryPos + 16);
            if (h == hash && time >= begin && time <= end) {
                out.add(phy);
            }
            if (prev >= idx || time < begin) {
                break;
            }
            idx = prev;
        }
    }

    /** @param begin start (ms) @param end end (ms) @return whether the file's time range overlaps [begin, end] */
    public boolean overlaps(long begin, long end) {
        long b = beginTimestamp;
        long e = endTimestamp;
        return indexCount > 1 && b <= end && e >= begin - 1000;
    }

    /** @param key key @return non-negative String hash of the key */
    public static int keyHash(String key) {
        int h = key.hashCode();
        return h == Integer.MIN_VALUE ? 0 : Math.abs(h);
    }

    public long getBeginTimestamp() {
        return beginTimestamp;
    }

    public long getEndTimestamp() {
        return endTimestamp;
    }

    public long getBeginPhyOffset() {
        return beginPhyOffset;
    }

    public long getEndPhyOffset() {
        return endPhyOffset;
    }

    /** @return entries written plus one (entry 0 is unused) */
    public int getIndexCount() {
        return indexCount;
    }

    /** Forces the file to disk. */
    public void flush() {
        mapped.force();
    }

    /** Unmaps the file (its channel was closed right after mapping). */
    public void close() {
        MappedBuffers.unmap(mapped);
    }

    /** Deletes the file but keeps the mapping until {@link #close()}. @return whether the file is gone */
    public boolean deleteFileOnly() {
        return file.delete() || !file.exists();
    }

    /** Unmaps and deletes. @return whether the file is gone */
    public boolean destroy() {
        close();
        return file.delete() || !file.exists();
    }
}
