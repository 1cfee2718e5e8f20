package org.rocketmqhm.core.store.log;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.store.TagsCodeResolver;
import org.rocketmqhm.core.store.dispatch.DispatchRequest;
import org.rocketmqhm.core.store.queue.QueueOffsetTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only message log: a {@link MappedFileQueue} of records in the layout of {@code MessageEncoder}.
 * A record never spans files: when a batch does not fit (keeping at least 8 spare bytes), the rest of the file
 * becomes a blank record ({@code TOTALSIZE = remaining, MAGIC = 0xCBD43194}) and the batch goes to the next file.
 *
 * <p>Recovery and corruption: {@link #recover} verifies records in order (magic, sizes and, with
 * {@code checkCRCOnRecover}, the body CRC) and <b>cuts the log at the first invalid record</b>: that record and
 * everything after it are dropped (zero-filled, later files deleted), consume-queue units pointing there are
 * removed, and the offset and reason are logged at WARN. We deliberately do not skip a corrupt record to keep
 * later ones: record boundaries past a damaged length cannot be trusted, skipping would leave holes in queue
 * offsets that consumers could not tell from data, and the same offsets would be reassigned inconsistently by the
 * next appends. Records after the cut are lost; with SYNC_FLUSH such a cut can only follow real media
 * corruption, not a process crash.
 *
 * <p>Thread-safety: appends are serialised by one lock; reads are lock-free on published bytes.
 *
 * @since 0.1.0
 */
public final class CommitLog {

    /** Minimum bytes left for the end-of-file blank record. */
    public static final int END_FILE_MIN_BLANK = 8;
    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);

    private final MappedFileQueue files;
    private final QueueOffsetTable queueOffsets;
    private final ReentrantLock appendLock = new ReentrantLock();

    /** @param dir directory @param fileSize file size @param queueOffsets queue offset assignment table */
    public CommitLog(String dir, int fileSize, QueueOffsetTable queueOffsets) {
        this.files = new MappedFileQueue(dir, fileSize);
        this.queueOffsets = queueOffsets;
    }

    /** @return false when a file is inconsistent */
    public boolean load() {
        return files.load();
    }

    public MappedFileQueue files() {
        return files;
    }

    /**
     * Appends one batch (a single message is a batch of one) under the append lock. Each record must already
     * carry every field except commit-log offset, queue offset and store timestamp, which are assigned here;
     * the batch gets consecutive queue offsets unless it is a prepared/rollback transaction record (offset 0).
     *
     * @param batch records of one topic-queue
     * @param sizes encoded size of each record
     * @param encoder writes record i into the buffer given its assigned fields
     * @return the append outcome
     */
    public AppendResult append(List<? extends AppendRecord> batch, int[] sizes) {
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        if (total + END_FILE_MIN_BLANK > files.getFileSize()) {
            return AppendResult.TOO_LARGE;
        }
        appendLock.lock();
        try {
            long now = System.currentTimeMillis();
            MappedFile mf = files.getOrCreateWritableFile(0);
            if (total + END_FILE_MIN_BLANK > mf.remaining()) {
                int rem = mf.remaining();
                ByteBuffer view = mf.writeView();
                view.putInt(rem).putInt(MessageEncoder.BLANK_MAGIC);
                mf.advance(rem, 0);
                mf = files.getOrCreateWritableFile(0);
            }
            ByteBuffer view = mf.writeView();
            long phys = mf.getFileFromOffset() + mf.getWrotePosition();
            AppendRecord first = batch.get(0);
            String key = QueueOffsetTable.key(first.topic(), first.queueId());
            int tx = MessageSysFlag.getTransactionValue(first.sysFlag());
            boolean queued = tx != MessageSysFlag.TRANSACTION_PREPARED_TYPE
                    && tx != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            long queueOffset = queued ? queueOffsets.get(key) : 0;
            long firstQueueOffset = queueOffset;
            long[] offsets = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                offsets[i] = phys;
                batch.get(i).writeTo(view, phys, queueOffset, now);
                phys += sizes[i];
                if (queued) {
                    queueOffset++;
                }
            }
            if (queued) {
                queueOffsets.put(key, queueOffset);
            }
            mf.advance(total, now);
            return new AppendResult(AppendResult.Status.OK, offsets[0], total, offsets, firstQueueOffset, now);
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Appends raw bytes replicated from a master (slave side). The bytes are copied verbatim: they already hold
     * complete or partial records with the master's offsets. They must start exactly at the current end of the
     * log (or, on an empty log, at a file boundary) and must not cross a file end.
     *
     * @param offset commit-log offset of the first byte
     * @param data bytes to append (position..limit; the position is not moved)
     * @return false when the offset is not the expected one or the bytes do not fit the file
     */
    public boolean appendReplicated(long offset, ByteBuffer data) {
        int n = data.remaining();
        appendLock.lock();
        try {
            long max = files.getMaxOffset();
            boolean empty = files.isEmpty();
            if (empty ? offset % files.getFileSize() != 0 : offset != max) {
                return false;
            }
            if (n == 0) {
                return true;
            }
            MappedFile mf = files.getOrCreateWritableFile(offset);
            if (mf.getFileFromOffset() + mf.getWrotePosition() != offset || n > mf.remaining()) {
                return false;
            }
            mf.writeView().put(data.duplicate());
            mf.advance(n, 0);
            return true;
        } finally {
            appendLock.unlock();
        }
    }

    /** Runs {@code action} while holding the append lock (used to rebuild offsets consistently). */
    public void underAppendLock(Runnable action) {
        appendLock.lock();
        try {
            action.run();
        } finally {
            appendLock.unlock();
        }
    }

    /** @param offset record offset @param size record size @return a zero-copy slice or null */
    public ByteBuffer select(long offset, int size) {
        MappedFile mf = files.findFileByOffset(offset);
        return mf == null ? null : mf.slice((int) (offset - mf.getFileFromOffset()), size);
    }

    /** @param offset record offset @return the record slice (size read from TOTALSIZE) or null */
    public ByteBuffer select(long offset) {
        MappedFile mf = files.findFileByOffset(offset);
        if (mf == null) {
            return null;
        }
        int pos = (int) (offset - mf.getFileFromOffset());
        ByteBuffer head = mf.slice(pos, 4);
        if (head == null) {
            return null;
        }
        int size = head.getInt(0);
        return size <= 0 ? null : mf.slice(pos, size);
    }

    /** @param offset start @return bytes from offset to the published end of its file, or null */
    public ByteBuffer data(long offset) {
        MappedFile mf = files.findFileByOffset(offset);
        return mf == null ? null : mf.slice((int) (offset - mf.getFileFromOffset()));
    }

    /** @param offset an offset @return start of the following file */
    public long rollNextFile(long offset) {
        int size = files.getFileSize();
        return offset + size - offset % size;
    }

    public long getMinOffset() {
        return files.getMinOffset();
    }

    public long getMaxOffset() {
        return files.getMaxOffset();
    }

    /**
     * The single recovery routine: walks records from file {@code startIndex}, verifying each, and cuts the log
     * at the first invalid record (zero-filling the rest of that file, deleting later files).
     *
     * @param startIndex index of the first file to verify (earlier files are trusted)
     * @param checkCrc whether to verify body CRCs
     * @param resolver tags-code policy (records are parsed fully)
     * @return the end offset of the valid log
     */
    public long recover(int startIndex, boolean checkCrc, TagsCodeResolver resolver) {
        List<MappedFile> list = files.getFiles();
        if (list.isEmpty()) {
            return 0;
        }
        int idx = Math.max(0, Math.min(startIndex, list.size() - 1));
        long end = list.get(idx).getFileFromOffset();
        outer:
        for (int i = idx; i < list.size(); i++) {
            MappedFile mf = list.get(i);
            ByteBuffer buf = mf.slice(0, mf.getFileSize());
            int pos = 0;
            while (pos < mf.getFileSize()) {
                RecordCheck rc = RecordCheck.check(buf, pos, checkCrc, resolver);
                if (rc.kind() == RecordCheck.Kind.MESSAGE) {
                    pos += rc.size();
                    end = mf.getFileFromOffset() + pos;
                } else if (rc.kind() == RecordCheck.Kind.BLANK) {
                    end = mf.getFileFromOffset() + mf.getFileSize();
                    continue outer;
                } else {
                    boolean zeros = buf.getInt(pos) == 0 && (pos + 8 > mf.getFileSize() || buf.getInt(pos + 4) == 0);
                    if (!zeros) {
                        LOG.warn("commit log: invalid record at offset {} in file {}: {}; cutting the log there",
                                mf.getFileFromOffset() + pos, mf.getFile().getName(), rc.reason());
                    }
                    break outer;
                }
            }
        }
        long cut = files.truncateTo(end);
        if (cut > 0) {
            LOG.warn("commit log: cut {} non-zero bytes after offset {}", cut, end);
        }
        files.setFlushedWhere(end);
        return end;
    }

    /**
     * @param buf a record buffer
     * @param checkCrc whether to verify CRC
     * @param resolver tags code policy
     * @return parse of the record at buf position 0
     */
    public static DispatchRequest parse(ByteBuffer buf, boolean checkCrc, TagsCodeResolver resolver) {
        return RecordCheck.check(buf, 0, checkCrc, resolver).request();
    }

    /** Flushes everything and unmaps. */
    public void shutdown() {
        files.flush(0);
        files.close();
    }

    /** Unmaps without flushing (crash simulation). */
    public void close() {
        files.close();
    }
}
