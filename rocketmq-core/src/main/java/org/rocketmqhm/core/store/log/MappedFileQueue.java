package org.rocketmqhm.core.store.log;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ordered run of equally sized {@link MappedFile}s in one directory: file {@code n} starts at logical offset
 * {@code firstStart + n * fileSize}. One writer appends; any thread reads. Tracks the flushed offset.
 *
 * @since 0.1.0
 */
public final class MappedFileQueue {

    private static final Logger LOG = LoggerFactory.getLogger(MappedFileQueue.class);

    private final File dir;
    private final int fileSize;
    private final List<MappedFile> files = new CopyOnWriteArrayList<>();
    private volatile long flushedWhere;

    /** @param dir directory @param fileSize size of each file */
    public MappedFileQueue(String dir, int fileSize) {
        this.dir = new File(dir);
        this.fileSize = fileSize;
    }

    /**
     * Maps existing files; each is assumed full until recovery sets positions.
     *
     * @return false when a file has the wrong size
     */
    public boolean load() {
        File[] list = dir.listFiles(f -> f.isFile() && f.getName().matches("\\d{20}"));
        if (list == null) {
            return true;
        }
        Arrays.sort(list);
        for (File f : list) {
            if (f.length() != fileSize) {
                LOG.warn("{} has length {}, expected {}; ignoring it and later files", f, f.length(), fileSize);
                return false;
            }
            MappedFile mf = new MappedFile(f, fileSize);
            mf.resetPositions(fileSize);
            files.add(mf);
        }
        return true;
    }

    public int getFileSize() {
        return fileSize;
    }

    /** @return snapshot of the files */
    public List<MappedFile> getFiles() {
        return new ArrayList<>(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** @return the last file or null */
    public MappedFile getLastFile() {
        int n = files.size();
        return n == 0 ? null : files.get(n - 1);
    }

    /** @return the first file or null */
    public MappedFile getFirstFile() {
        return files.isEmpty() ? null : files.get(0);
    }

    /**
     * @param startOffset where the first file should start if none exists
     * @return the writable last file, creating one when there is none or the last is full
     */
    public MappedFile getOrCreateWritableFile(long startOffset) {
        MappedFile last = getLastFile();
        long from;
        if (last == null) {
            from = startOffset - startOffset % fileSize;
        } else if (last.isFull()) {
            from = last.getFileFromOffset() + fileSize;
        } else {
            return last;
        }
        MappedFile mf = new MappedFile(new File(dir, MappedFile.fileName(from)), fileSize);
        files.add(mf);
        if (last == null) {
            flushedWhere = from;
        }
        return mf;
    }

    /** @param offset logical offset @return the file holding it, or null */
    public MappedFile findFileByOffset(long offset) {
        MappedFile first = getFirstFile();
        if (first == null || offset < first.getFileFromOffset()) {
            return null;
        }
        int idx = (int) ((offset - first.getFileFromOffset()) / fileSize);
        if (idx >= files.size()) {
            return null;
        }
        try {
            MappedFile mf = files.get(idx);
            return mf.getFileFromOffset() <= offset && offset < mf.getFileFromOffset() + fileSize ? mf : null;
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** @return offset of the first byte still stored, 0 when empty */
    public long getMinOffset() {
        MappedFile first = getFirstFile();
        return first == null ? 0 : first.getFileFromOffset();
    }

    /** @return offset just past the last published byte, 0 when empty */
    public long getMaxOffset() {
        MappedFile last = getLastFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getWrotePosition();
    }

    public long getFlushedWhere() {
        return flushedWhere;
    }

    public void setFlushedWhere(long flushedWhere) {
        this.flushedWhere = flushedWhere;
    }

    /**
     * Flushes every file from the flushed offset on.
     *
     * @param leastPages dirty-page threshold per file (0 = all)
     * @return the new flushed offset
     */
    public long flush(int leastPages) {
        for (MappedFile mf : files) {
            long end = mf.getFileFromOffset() + fileSize;
            if (end <= flushedWhere) {
                continue;
            }
            int pos = mf.flush(leastPages);
            long where = mf.getFileFromOffset() + pos;
            if (where > flushedWhere) {
                flushedWhere = where;
            }
            if (pos < fileSize) {
                break;
            }
        }
        return flushedWhere;
    }

    /**
     * Drops everything from {@code offset} on: the file containing it is zero-filled from there, later files are
     * deleted.
     *
     * @param offset new end offset
     * @return non-zero bytes wiped plus bytes of deleted files
     */
    public long truncateTo(long offset) {
        long cut = 0;
        List<MappedFile> remove = new ArrayList<>();
        for (MappedFile mf : files) {
            long from = mf.getFileFromOffset();
            if (from + fileSize <= offset) {
                continue;
            }
            if (from <= offset) {
                cut += mf.truncateTo((int) (offset - from));
            } else {
                remove.add(mf);
            }
        }
        for (MappedFile mf : remove) {
            LOG.info("deleting {} past end offset {}", mf.getFile(), offset);
            cut += mf.getWrotePosition();
            mf.destroy();
            files.remove(mf);
        }
        if (flushedWhere > offset) {
            flushedWhere = offset;
        }
        return cut;
    }

    /**
     * Removes the first file from the queue if it is not the last one and {@code test} accepts it. The caller owns
     * the returned file (delete it, then close it once readers are done).
     *
     * @param test decides whether the first file goes
     * @return the removed file, or null
     */
    public synchronized MappedFile removeFirstIf(java.util.function.Predicate<MappedFile> test) {
        if (files.size() < 2) {
            return null;
        }
        MappedFile first = files.get(0);
        if (!test.test(first)) {
            return null;
        }
        files.remove(0);
        return first;
    }

    /** Closes all files without flushing. */
    public void close() {
        for (MappedFile mf : files) {
            mf.close();
        }
        files.clear();
    }

    /** Deletes all files and the directory. */
    public void destroy() {
        for (MappedFile mf : files) {
            mf.destroy();
        }
        files.clear();
        dir.delete();
    }
}
