package org.rocketmqhm.core.store.log;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;

/**
 * One fixed-size, memory-mapped segment file named by its 20-digit start offset.
 *
 * <p>Positions: {@code wrotePosition} (bytes visible to readers) and {@code flushedPosition} (bytes forced to
 * disk). A single writer writes through {@link #writeView()} and then publishes with {@link #advance}; readers get
 * zero-copy slices up to the published position. Slices stay valid until {@link #close()}/{@link #destroy()}.
 *
 * @since 0.1.0
 */
public final class MappedFile {

    /** OS page size used for "least pages" flush thresholds. */
    public static final int PAGE_SIZE = 4096;

    private final File file;
    private final long fileFromOffset;
    private final int fileSize;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;
    private final ByteBuffer writeView;
    private volatile int wrotePosition;
    private volatile int flushedPosition;
    private volatile long storeTimestamp;

    /**
     * Opens (creating and pre-sizing when needed) and maps a file.
     *
     * @param file file whose name is its start offset
     * @param fileSize size in bytes
     */
    public MappedFile(File file, int fileSize) {
        this.file = file;
        this.fileSize = fileSize;
        this.fileFromOffset = Long.parseLong(file.getName());
        try {
            Files.createDirectories(file.getParentFile().toPath());
            try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
                if (raf.length() < fileSize) {
                    raf.setLength(fileSize);
                }
                this.channel = raf.getChannel();
                this.mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, fileSize);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file, e);
        }
        this.writeView = mapped.duplicate();
    }

    /** @param offset start offset @return the 20-digit zero-padded file name */
    public static String fileName(long offset) {
        return String.format("%020d", offset);
    }

    public long getFileFromOffset() {
        return fileFromOffset;
    }

    public int getFileSize() {
        return fileSize;
    }

    public File getFile() {
        return file;
    }

    public int getWrotePosition() {
        return wrotePosition;
    }

    public int getFlushedPosition() {
        return flushedPosition;
    }

    /** @return store timestamp of the last record appended (0 if unknown) */
    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    /** @return whether nothing more can be written */
    public boolean isFull() {
        return wrotePosition >= fileSize;
    }

    /** @return remaining writable bytes */
    public int remaining() {
        return fileSize - wrotePosition;
    }

    /** @return the writer's view, positioned at the write position with limit = file size (writer thread only) */
    public ByteBuffer writeView() {
        writeView.limit(fileSize).position(wrotePosition);
        return writeView;
    }

    /**
     * Publishes bytes written through {@link #writeView()}.
     *
     * @param bytes bytes written
     * @param lastStoreTimestamp store timestamp of the last record written, or 0 to keep the previous one
     */
    public void advance(int bytes, long lastStoreTimestamp) {
        if (lastStoreTimestamp > 0) {
            storeTimestamp = lastStoreTimestamp;
        }
        wrotePosition = wrotePosition + bytes;
    }

    /** Sets both positions (recovery). @param pos position */
    public void resetPositions(int pos) {
        wrotePosition = pos;
        flushedPosition = pos;
    }

    /**
     * Forces written bytes to disk when at least {@code leastPages} dirty pages exist (0 = any dirty byte).
     *
     * @param leastPages threshold
     * @return the flushed position afterwards
     */
    public int flush(int leastPages) {
        int wrote = wrotePosition;
        int flushed = flushedPosition;
        if (wrote > flushed) {
            boolean enough = leastPages <= 0 || wrote == fileSize
                    || (wrote / PAGE_SIZE - flushed / PAGE_SIZE) >= leastPages;
            if (enough) {
                mapped.force(flushed, wrote - flushed);
                flushedPosition = wrote;
            }
        }
        return flushedPosition;
    }

    /**
     * @param pos position inside the file
     * @param size bytes
     * @return a zero-copy slice, or null if the range is not fully published
     */
    public ByteBuffer slice(int pos, int size) {
        if (pos < 0 || size < 0 || pos + size > wrotePosition) {
            return null;
        }
        return mapped.slice(pos, size);
    }

    /** @param pos position @return a slice from pos to the published end, or null if pos is past it */
    public ByteBuffer slice(int pos) {
        int wrote = wrotePosition;
        if (pos < 0 || pos > wrote) {
            return null;
        }
        return mapped.slice(pos, wrote - pos);
    }

    /**
     * Cuts a torn tail: zero-fills from {@code pos} up to the first all-zero 4 KiB page (writes are sequential,
     * so garbage is contiguous), forces it, and resets both positions to {@code pos}.
     *
     * @param pos new end position
     * @return number of bytes zeroed
     */
    public int truncateTo(int pos) {
        int p = pos;
        int wiped = 0;
        while (p < fileSize) {
            int pageEnd = Math.min(fileSize, (p / PAGE_SIZE + 1) * PAGE_SIZE);
            int dirty = 0;
            for (int i = p; i < pageEnd; i++) {
                if (mapped.get(i) != 0) {
                    mapped.put(i, (byte) 0);
                    dirty++;
                }
            }
            wiped += dirty;
            p = pageEnd;
            if (dirty == 0) {
                break;
            }
        }
        if (wiped > 0) {
            mapped.force(pos, p - pos);
        }
        resetPositions(pos);
        return wiped;
    }

    /** Flushes nothing; unmaps and closes the channel. */
    public void close() {
        MappedBuffers.unmap(mapped);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a mapped file's channel cannot lose data
        }
    }

    /**
     * Deletes the file from disk but keeps the mapping, so slices handed out earlier stay valid until
     * {@link #close()} (retention defers the unmap).
     *
     * @return whether the file is gone
     */
    public boolean deleteFileOnly() {
        return file.delete() || !file.exists();
    }

    /** @return last modification time of the file (ms), 0 if unknown */
    public long lastModified() {
        return file.lastModified();
    }

    /** Closes and deletes the file. @return whether the file is gone */
    public boolean destroy() {
        close();
        return file.delete() || !file.exists();
    }

    @Override
    public String toString() {
        return file.getName() + "[wrote=" + wrotePosition + ", flushed=" + flushedPosition + "]";
    }
}
