package org.rocketmqhm.core.store.index;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.store.StoreCheckpoint;
import org.rocketmqhm.core.store.dispatch.CommitLogDispatcher;
import org.rocketmqhm.core.store.dispatch.DispatchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and queries the message key index (section 5.17) as a {@link CommitLogDispatcher} on the reput thread,
 * never on the send path. Keys per record: {@code topic#UNIQ_KEY} and {@code topic#<token>} for each
 * space-separated {@code KEYS} token; rolled-back transactional records are skipped. A new
 * {@link IndexFile} (named by its creation time {@code yyyyMMddHHmmssSSS}) starts when the current one is full.
 *
 * <p>Idempotent: a record whose commit-log offset is below the last indexed offset is ignored, so recovery may
 * replay the commit log from any earlier point. After an abnormal shutdown, files whose end timestamp is newer
 * than the checkpoint's index timestamp are dropped and rebuilt by the replay.
 *
 * <p>Thread-safety: one writer (reput/recovery thread); queries from any thread (file list is copy-on-write).
 *
 * @since 0.2.0
 */
public final class IndexService implements CommitLogDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneId.systemDefault());

    private final File dir;
    private final int hashSlotNum;
    private final int indexNum;
    private final StoreCheckpoint checkpoint;
    private final List<IndexFile> files = new CopyOnWriteArrayList<>();
    private volatile long lastIndexedOffset = -1;

    /**
     * @param dir index directory
     * @param hashSlotNum slots per file
     * @param indexNum entries per file
     * @param checkpoint checkpoint whose index timestamp is advanced by {@link #flush()}
     */
    public IndexService(String dir, int hashSlotNum, int indexNum, StoreCheckpoint checkpoint) {
        this.dir = new File(dir);
        this.hashSlotNum = Math.max(1, hashSlotNum);
        this.indexNum = Math.max(2, indexNum);
        this.checkpoint = checkpoint;
    }

    /**
     * Maps existing files.
     *
     * @param abnormal whether the last shutdown was a crash: files newer than the checkpoint index time are dropped
     */
    public void load(boolean abnormal) {
        File[] list = dir.listFiles(f -> f.isFile() && f.getName().matches("\\d{17}"));
        if (list == null) {
            return;
        }
        Arrays.sort(list);
        long safeTs = checkpoint.getIndexMsgTimestamp();
        for (File f : list) {
            IndexFile idx = new IndexFile(f, hashSlotNum, indexNum);
            if (abnormal && idx.getEndTimestamp() > safeTs) {
                LOG.warn("index file {} ends at {} after checkpoint index time {}; rebuilding it from the commit log",
                        f.getName(), idx.getEndTimestamp(), safeTs);
                idx.destroy();
                continue;
            }
            files.add(idx);
        }
        IndexFile last = last();
        lastIndexedOffset = last == null || last.getIndexCount() <= 1 ? -1 : last.getEndPhyOffset();
    }

    /**
     * After recovery cut the commit log at {@code end}, lets records from there on be indexed again (entries
     * already pointing past it stay; readers re-check the record at an offset and clients filter by key).
     *
     * @param end commit-log end offset after recovery
     */
    public void truncateAbove(long end) {
        if (lastIndexedOffset >= end) {
            lastIndexedOffset = end - 1;
        }
    }

    /** @return commit-log offset from which a replay must start to complete the index (-1: from the start) */
    public long rebuildFromOffset() {
        return lastIndexedOffset;
    }

    @Override
    public void dispatch(DispatchRequest r) {
        if (r.commitLogOffset() <= lastIndexedOffset) {
            return;
        }
        if (MessageSysFlag.getTransactionValue(r.sysFlag()) == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        Map<String, String> props = r.properties();
        String uniq = props.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        String keys = props.get(MessageConst.PROPERTY_KEYS);
        if (uniq != null && !uniq.isEmpty()) {
            put(r.topic() + '#' + uniq, r);
        }
        if (keys != null && !keys.isEmpty()) {
            for (String k : keys.split(MessageConst.KEY_SEPARATOR)) {
                if (!k.isEmpty()) {
                    put(r.topic() + '#' + k, r);
                }
            }
        }
        lastIndexedOffset = r.commitLogOffset();
    }

    private void put(String key, DispatchRequest r) {
        IndexFile f = last();
        if (f == null || !f.putKey(key, r.commitLogOffset(), r.storeTimestamp())) {
            f = roll(f);
            f.putKey(key, r.commitLogOffset(), r.storeTimestamp());
        }
    }

    private IndexFile roll(IndexFile full) {
        if (full != null) {
            full.flush();
            checkpoint.setIndexMsgTimestamp(full.getEndTimestamp());
            checkpoint.flush();
        }
        long now = System.currentTimeMillis();
        File f = new File(dir, NAME.format(Instant.ofEpochMilli(now)));
        while (f.exists()) {
            now++;
            f = new File(dir, NAME.format(Instant.ofEpochMilli(now)));
        }
        IndexFile created = new IndexFile(f, hashSlotNum, indexNum);
        files.add(created);
        LOG.info("new index file {}", f.getName());
        return created;
    }

    /**
     * @param topic topic
     * @param key a KEYS token or UNIQ_KEY
     * @param maxNum max offsets
     * @param begin earliest store time (ms)
     * @param end latest store time (ms)
     * @return offsets, newest file first
     */
    public QueryOffsetResult query(String topic, String key, int maxNum, long begin, long end) {
        List<Long> out = new ArrayList<>();
        String full = topic + '#' + key;
        List<IndexFile> snapshot = new ArrayList<>(files);
        for (int i = snapshot.size() - 1; i >= 0 && out.size() < maxNum; i--) {
            IndexFile f = snapshot.get(i);
            if (f.overlaps(begin, end)) {
                f.selectPhyOffsets(out, full, maxNum, begin, end);
            }
        }
        IndexFile last = snapshot.isEmpty() ? null : snapshot.get(snapshot.size() - 1);
        return new QueryOffsetResult(out, last == null ? 0 : last.getEndTimestamp(),
                last == null ? 0 : last.getEndPhyOffset());
    }

    /** Forces all files and records the index timestamp in the checkpoint (flush thread). */
    public void flush() {
        IndexFile last = last();
        if (last == null) {
            return;
        }
        long ts = last.getEndTimestamp();
        for (IndexFile f : files) {
            f.flush();
        }
        if (ts > 0) {
            checkpoint.setIndexMsgTimestamp(ts);
        }
    }

    /**
     * Removes the oldest file when all its entries point below {@code minPhyOffset}; the newest is always kept.
     *
     * @param minPhyOffset the commit log's new min offset
     * @return the removed file (caller deletes it and closes it later), or null
     */
    public IndexFile removeFirstBelow(long minPhyOffset) {
        synchronized (files) {
            if (files.size() < 2 || files.get(0).getEndPhyOffset() >= minPhyOffset) {
                return null;
            }
            return files.remove(0);
        }
    }

    /** @return snapshot of the files, oldest first */
    public List<IndexFile> files() {
        return new ArrayList<>(files);
    }

    /** Flushes and unmaps everything. */
    public void shutdown() {
        flush();
        close();
    }

    /** Unmaps everything without flushing. */
    public void close() {
        files.forEach(IndexFile::close);
        files.clear();
    }

    private IndexFile last() {
        int n = files.size();
        return n == 0 ? null : files.get(n - 1);
    }
}
