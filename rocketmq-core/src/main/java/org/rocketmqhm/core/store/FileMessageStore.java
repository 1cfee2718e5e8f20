package org.rocketmqhm.core.store;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.MessageExt;
import java.time.Clock;
import org.rocketmqhm.core.store.clean.CleanService;
import org.rocketmqhm.core.store.clean.DeferredUnmapper;
import org.rocketmqhm.core.store.clean.DiskGuard;
import org.rocketmqhm.core.store.clean.DiskUsage;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.rocketmqhm.core.store.config.FlushDiskType;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.dispatch.ConsumeQueueDispatcher;
import org.rocketmqhm.core.store.dispatch.ReputService;
import org.rocketmqhm.core.store.flush.AsyncFlushService;
import org.rocketmqhm.core.store.flush.CommitLogFlusher;
import org.rocketmqhm.core.store.flush.ConsumeQueueFlushService;
import org.rocketmqhm.core.store.flush.GroupCommitService;
import org.rocketmqhm.core.store.ha.HaClient;
import org.rocketmqhm.core.store.ha.HaMaster;
import org.rocketmqhm.core.store.ha.Replication;
import org.rocketmqhm.core.store.ha.ReplicationState;
import org.rocketmqhm.core.store.index.IndexService;
import org.rocketmqhm.core.store.index.QueryOffsetResult;
import org.rocketmqhm.core.store.log.AppendResult;
import org.rocketmqhm.core.store.log.CommitLog;
import org.rocketmqhm.core.store.log.MappedFile;
import org.rocketmqhm.core.store.queue.ConsumeQueue;
import org.rocketmqhm.core.store.queue.ConsumeQueueStore;
import org.rocketmqhm.core.store.queue.QueueOffsetTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File-based {@link MessageStore}: commit log + consume queues built by the reput thread, with a pluggable flush
 * policy, checkpoint and abort-marker recovery. Thread-safe.
 *
 * @since 0.1.0
 */
public final class FileMessageStore implements MessageStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileMessageStore.class);

    private final MessageStoreConfig config;
    private final InetSocketAddress storeHost;
    private final TagsCodeResolver resolver;
    private final QueueOffsetTable queueOffsets = new QueueOffsetTable();
    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final List<MessageArrivalListener> listeners = new CopyOnWriteArrayList<>();
    private final ReputService reput;
    private final QueueReader reader;
    private final StoreStats stats = new StoreStats();
    private StoreCheckpoint checkpoint;
    private IndexService index;
    private final Clock clock;
    private final DiskGuard guard;
    private final DeferredUnmapper unmapper;
    private CleanService cleaner;
    private CommitLogFlusher flusher;
    private ConsumeQueueFlushService queueFlusher;
    private volatile Replication replication = Replication.NONE;
    private final long memoryResidentBytes;
    private volatile boolean running;

    /**
     * @param config settings
     * @param storeHost broker address written into records (brokerIP1:listenPort)
     * @param resolver tags-code policy applied when records are dispatched
     */
    public FileMessageStore(MessageStoreConfig config, InetSocketAddress storeHost, TagsCodeResolver resolver) {
        this(config, storeHost, resolver, Clock.systemDefaultZone(), DiskUsage.FILESYSTEM);
    }

    /**
     * @param config settings
     * @param storeHost broker address written into records (brokerIP1:listenPort)
     * @param resolver tags-code policy applied when records are dispatched
     * @param clock clock for retention (file ages, deleteWhen hour)
     * @param disk disk-usage probe for retention and the disk guard
     * @since 0.2.0
     */
    public FileMessageStore(MessageStoreConfig config, InetSocketAddress storeHost, TagsCodeResolver resolver,
            Clock clock, DiskUsage disk) {
        this.clock = clock;
        this.guard = new DiskGuard(config, disk);
        this.unmapper = new DeferredUnmapper(config.getDestroyMapedFileIntervalForcibly());
        this.config = config;
        this.storeHost = storeHost;
        this.resolver = resolver == null ? TagsCodeResolver.TAG_HASH : resolver;
        this.commitLog = new CommitLog(config.commitLogDir(), config.getMappedFileSizeCommitLog(), queueOffsets);
        this.queues = new ConsumeQueueStore(config.consumeQueueDir(), config.consumeQueueFileSize());
        this.reput = new ReputService(commitLog, this.resolver);
        this.reput.addDispatcher(new ConsumeQueueDispatcher(queues, listeners));
        this.reader = new QueueReader(config, commitLog, queues);
        this.memoryResidentBytes = physicalMemory() / 100 * config.getAccessMessageInMemoryMaxRatio();
    }

    private static long physicalMemory() {
        try {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getTotalMemorySize();
        } catch (RuntimeException | LinkageError e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public boolean suggestPullingFromSlave(long maxPhyOffsetPulled) {
        return commitLog.getMaxOffset() - maxPhyOffsetPulled > memoryResidentBytes;
    }

    @Override
    public boolean load() {
        StoreDirectories.requireWritable(config.getStorePathRootDir());
        StoreDirectories.requireWritable(config.commitLogDir());
        StoreDirectories.requireWritable(config.consumeQueueDir());
        if (config.isMessageIndexEnable()) {
            StoreDirectories.requireWritable(config.indexDir());
        }
        boolean abnormal = new File(config.abortPath()).exists();
        checkpoint = new StoreCheckpoint(config.checkpointPath());
        boolean ok = commitLog.load() & queues.load();
        List<MappedFile> files = commitLog.files().getFiles();
        int start = abnormal ? abnormalStartIndex(files) : Math.max(0, files.size() - 3);
        LOG.info("store recovery: {} shutdown, verifying commit log from file {} of {}",
                abnormal ? "abnormal" : "clean", start, files.size());
        long end = commitLog.recover(start, config.isCheckCRCOnRecover(), resolver);
        queues.forEach(cq -> cq.truncateByPhysicalEnd(end));
        long from = Math.max(queues.maxPhysicOffset(), commitLog.getMinOffset());
        if (abnormal && !files.isEmpty()) {
            from = Math.min(from, files.get(Math.min(start, files.size() - 1)).getFileFromOffset());
        }
        if (config.isMessageIndexEnable()) {
            index = new IndexService(config.indexDir(), config.getMaxHashSlotNum(), config.getMaxIndexNum(),
                    checkpoint);
            index.load(abnormal);
            long indexFrom = Math.min(index.rebuildFromOffset(), end);
            index.truncateAbove(end);
            from = Math.min(from, Math.max(commitLog.getMinOffset(), indexFrom < 0 ? 0 : indexFrom));
            reput.addDispatcher(index);
        }
        reput.setReputFromOffset(Math.min(from, end));
        reput.catchUp();
        long minPhy = commitLog.getMinOffset();
        queues.forEach(cq -> cq.correctMinOffset(minPhy));
        rebuildQueueOffsets();
        LOG.info("store recovered: commit log [{}, {}), {} consume queues", commitLog.getMinOffset(), end,
                queues.all().size());
        return ok;
    }

    private int abnormalStartIndex(List<MappedFile> files) {
        long min = checkpoint.minTimestamp() - 3000;
        if (config.isMessageIndexSafe() && checkpoint.getIndexMsgTimestamp() > 0) {
            min = Math.min(min, checkpoint.getIndexMsgTimestamp() - 3000);
        }
        if (checkpoint.minTimestamp() <= 0) {
            return 0;
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            ByteBuffer head = files.get(i).slice(0, MessageDecoder.MIN_RECORD_LENGTH);
            if (head != null && MessageDecoder.isMessageMagic(head.getInt(4))) {
                long ts = MessageDecoder.readStoreTimestamp(head, 0);
                if (ts > 0 && ts <= min) {
                    return i;
                }
            }
        }
        return 0;
    }

    private void rebuildQueueOffsets() {
        commitLog.underAppendLock(() -> {
            queueOffsets.clear();
            queues.forEach(cq -> queueOffsets.put(QueueOffsetTable.key(cq.getTopic(), cq.getQueueId()),
                    cq.getMaxOffsetInQueue()));
        });
    }

    @Override
    public void start() {
        if (checkpoint == null) {
            throw new IllegalStateException("load() must succeed before start() (store " + config.getStorePathRootDir()
                    + ")");
        }
        try {
            File abort = new File(config.abortPath());
            abort.getParentFile().mkdirs();
            abort.createNewFile();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create abort file " + config.abortPath() + ": " + e, e);
        }
        flusher = config.getFlushDiskType() == FlushDiskType.SYNC_FLUSH
                ? new GroupCommitService(commitLog.files(), checkpoint, config.getSyncFlushTimeout())
                : new AsyncFlushService(commitLog.files(), checkpoint, config.getFlushIntervalCommitLog(),
                        config.getFlushCommitLogLeastPages(), config.getFlushCommitLogThoroughInterval());
        IndexService idx = index;
        queueFlusher = new ConsumeQueueFlushService(queues, checkpoint, reput::getLastDispatchedTimestamp,
                config.getFlushIntervalConsumeQueue(), config.getFlushConsumeQueueLeastPages(),
                config.getFlushConsumeQueueThoroughInterval(), () -> {
                    if (idx != null) {
                        idx.flush();
                    }
                });
        guard.check();
        cleaner = new CleanService(config, clock, guard, commitLog, queues, index, unmapper);
        flusher.start();
        reput.start();
        queueFlusher.start();
        cleaner.start();
        running = true;
    }

    @Override
    public void shutdown() {
        stopThreads();
        unmapper.reclaimAll();
        commitLog.shutdown();
        queues.close();
        if (index != null) {
            index.shutdown();
            checkpoint.flush();
        }
        checkpoint.close();
        new File(config.abortPath()).delete();
    }

    /**
     * Test/ops aid that mimics a crash: stops threads and unmaps files but keeps the abort marker, so the next
     * {@link #load()} runs abnormal recovery.
     */
    public void haltWithoutCleanShutdown() {
        stopThreads();
        unmapper.reclaimAll();
        commitLog.close();
        queues.close();
        if (index != null) {
            index.close();
        }
        checkpoint.close();
    }

    /**
     * Starts replication for the configured role (section 6): a master binds {@code haListenPort} (0 = ephemeral)
     * and serves slaves, a slave connects to {@code haMasterAddress} or the address given later through
     * {@link #updateHaMasterAddress}. Call after {@link #start()}; a store never started this way does not
     * replicate (and a SYNC_MASTER role then acknowledges puts without a slave).
     *
     * @return the started replication
     * @since 0.3.0
     */
    public synchronized Replication startReplication() {
        if (replication != Replication.NONE) {
            return replication;
        }
        Replication r = config.getBrokerRole() == BrokerRole.SLAVE
                ? new HaClient(commitLog, reput::wakeup, config)
                : new HaMaster(commitLog, config, config.getBrokerRole() == BrokerRole.SYNC_MASTER);
        r.start();
        replication = r;
        return r;
    }

    /** @param haServerAddr master HA address learned from the name server (slaves only) @since 0.3.0 */
    public void updateHaMasterAddress(String haServerAddr) {
        replication.updateMasterAddress(haServerAddr);
    }

    /** @return replication snapshot (connected slaves and acks, or master address and last contact) @since 0.3.0 */
    public ReplicationState replicationState() {
        return replication.state();
    }

    /** @return the bound HA port of a replicating master, else -1 @since 0.3.0 */
    public int haListenPort() {
        return replication.listenPort();
    }

    private void stopThreads() {
        running = false;
        replication.shutdown();
        reput.shutdown();
        if (flusher != null) {
            flusher.shutdown();
        }
        if (queueFlusher != null) {
            queueFlusher.shutdown();
        }
        if (cleaner != null) {
            cleaner.shutdown();
        }
    }

    @Override
    public CompletableFuture<PutResult> putMessage(StoreMessage msg) {
        return putMessages(List.of(msg));
    }

    @Override
    public CompletableFuture<PutResult> putMessages(List<StoreMessage> batch) {
        long startNanos = System.nanoTime();
        StoreHealth health = guard.health();
        if (!health.writable()) {
            stats.onPutFailure();
            return CompletableFuture.completedFuture(PutResult.failure(PutStatus.SERVICE_NOT_AVAILABLE,
                    health.reason()));
        }
        PutStatus bad = validate(batch);
        if (bad != null) {
            stats.onPutFailure();
            return CompletableFuture.completedFuture(PutResult.failure(bad));
        }
        int[] sizes = new int[batch.size()];
        for (int i = 0; i < sizes.length; i++) {
            StoreMessage m = batch.get(i);
            m.setStoreHost(storeHost);
            byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
            m.setBody(body);
            m.setBodyCRC(MessageEncoder.bodyCrc(body, 0, body.length));
            m.prepareEncoding();
            if (m.encodedProperties().length > MessageEncoder.MAX_PROPERTIES_LENGTH) {
                stats.onPutFailure();
                return CompletableFuture.completedFuture(PutResult.failure(PutStatus.PROPERTIES_SIZE_EXCEEDED));
            }
            if (m.encodedTopic().length > Short.MAX_VALUE) {
                return CompletableFuture.completedFuture(PutResult.failure(PutStatus.MESSAGE_ILLEGAL));
            }
            sizes[i] = m.encodedSize();
        }
        AppendResult ar;
        try {
            ar = commitLog.append(batch, sizes);
        } catch (RuntimeException e) {
            LOG.error("append failed", e);
            stats.onPutFailure();
            return CompletableFuture.completedFuture(PutResult.failure(PutStatus.UNKNOWN_ERROR));
        }
        if (ar.status() != AppendResult.Status.OK) {
            stats.onPutFailure();
            return CompletableFuture.completedFuture(PutResult.failure(PutStatus.MESSAGE_ILLEGAL));
        }
        stats.onPut(batch.get(0).getTopic(), batch.size(), ar.wroteBytes());
        reput.wakeup();
        PutResult ok = new PutResult(PutStatus.PUT_OK, ar.wroteOffset(), ar.wroteBytes(), ar.offsets(),
                ar.logicsOffset(), ar.storeTimestamp(), storeHost);
        boolean wait = batch.get(0).isWaitStoreMsgOK();
        long end = ar.wroteOffset() + ar.wroteBytes();
        CompletableFuture<PutStatus> flushed = flusher.onAppended(end, wait);
        CompletableFuture<PutStatus> replicated = replication.onAppended(end, wait);
        CompletableFuture<PutStatus> acked = replicated.isDone() && replicated.join() == PutStatus.PUT_OK
                ? flushed
                : flushed.thenCombine(replicated, (f, r) -> r != PutStatus.PUT_OK ? r : f);
        return acked
                .thenApply(s -> {
                    stats.onPutLatency(System.nanoTime() - startNanos);
                    return s == PutStatus.PUT_OK ? ok : ok.withStatus(s);
                });
    }

    private PutStatus validate(List<StoreMessage> batch) {
        if (!running || config.getBrokerRole() == BrokerRole.SLAVE) {
            return PutStatus.SERVICE_NOT_AVAILABLE;
        }
        if (batch.isEmpty()) {
            return PutStatus.MESSAGE_ILLEGAL;
        }
        StoreMessage first = batch.get(0);
        for (StoreMessage m : batch) {
            if (m.getTopic() == null || m.getTopic().isEmpty() || !m.getTopic().equals(first.getTopic())
                    || m.getQueueId() != first.getQueueId() || m.getQueueId() < 0) {
                return PutStatus.MESSAGE_ILLEGAL;
            }
            if (m.getBody() != null && m.getBody().length > config.getMaxMessageSize()) {
                return PutStatus.MESSAGE_ILLEGAL;
            }
        }
        return null;
    }

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
            int maxTotalBytes, MessageFilter filter) {
        if (!running) {
            return new GetMessageResult(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, offset, 0, 0, List.of(),
                    List.of(), 0);
        }
        GetMessageResult r = reader.getMessage(topic, queueId, offset, maxMsgNums, maxTotalBytes, filter);
        stats.onGet(r.status() == GetMessageStatus.FOUND);
        stats.onGot(topic, r.messageCount());
        return r;
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : cq.getMaxOffsetInQueue();
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : cq.getMinOffsetInQueue();
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : reader.offsetByTime(cq, timestamp);
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? -1 : reader.storeTimestamp(cq, cq.getMinOffsetInQueue());
    }

    @Override
    public long getMessageStoreTimestamp(String topic, int queueId, long offset) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? -1 : reader.storeTimestamp(cq, offset);
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long offset) {
        ConsumeQueue cq = queues.find(topic, queueId);
        ByteBuffer u = cq == null || offset >= cq.getMaxOffsetInQueue() ? null : cq.unitsFrom(offset);
        return u == null ? -1 : u.getLong(0);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        ByteBuffer rec = commitLog.select(commitLogOffset);
        return rec == null ? null : MessageDecoder.decode(rec, true, false);
    }

    @Override
    public ByteBuffer selectOneMessageByOffset(long commitLogOffset) {
        return commitLog.select(commitLogOffset);
    }

    @Override
    public ByteBuffer selectOneMessageByOffset(long commitLogOffset, int size) {
        return commitLog.select(commitLogOffset, size);
    }

    @Override
    public ByteBuffer getCommitLogData(long offset) {
        return commitLog.data(offset);
    }

    @Override
    public long getMaxPhyOffset() {
        return commitLog.getMaxOffset();
    }

    @Override
    public long getMinPhyOffset() {
        return commitLog.getMinOffset();
    }

    @Override
    public void deleteTopics(Set<String> topics) {
        for (String t : topics) {
            commitLog.underAppendLock(() -> {
                queues.deleteTopic(t);
                queueOffsets.removeTopic(t);
            });
        }
    }

    @Override
    public void addArrivalListener(MessageArrivalListener listener) {
        listeners.add(listener);
    }

    @Override
    public long dispatchBehindBytes() {
        return reput.behind();
    }

    @Override
    public StoreStats getStats() {
        return stats;
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long beginTimestamp,
            long endTimestamp) {
        IndexService idx = index;
        if (idx == null || maxNum <= 0) {
            return QueryMessageResult.EMPTY;
        }
        QueryOffsetResult r = idx.query(topic, key, maxNum, beginTimestamp, endTimestamp);
        List<ByteBuffer> records = new ArrayList<>(r.phyOffsets().size());
        List<Long> offsets = new ArrayList<>(r.phyOffsets().size());
        int total = 0;
        for (long phy : r.phyOffsets()) {
            ByteBuffer rec = phy < commitLog.getMinOffset() ? null : commitLog.select(phy);
            if (rec != null) {
                records.add(rec);
                offsets.add(phy);
                total += rec.remaining();
            }
        }
        return new QueryMessageResult(records, offsets, r.indexLastUpdateTimestamp(),
                r.indexLastUpdatePhyoffset(), total);
    }

    @Override
    public StoreHealth getHealth() {
        return guard.health();
    }

    /** Probes the disk now (normally every cleanResourceInterval). @return the new health snapshot */
    public StoreHealth checkDiskNow() {
        return guard.check();
    }

    @Override
    public int deleteExpiredFiles() {
        return cleaner == null ? 0 : cleaner.deleteExpiredNow();
    }

    /** Runs one scheduled retention pass now (honours deleteWhen and disk thresholds). @return files deleted */
    public int cleanNow() {
        return cleaner == null ? 0 : cleaner.runOnce(false);
    }

    @Override
    public List<ConsumeQueueUnit> readConsumeQueue(String topic, int queueId, long index, int count) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            return null;
        }
        ByteBuffer units = index < 0 || index >= cq.getMaxOffsetInQueue() ? null : cq.unitsFrom(index);
        if (units == null) {
            return List.of();
        }
        int n = (int) Math.min(Math.max(0, count), Math.min(units.remaining() / ConsumeQueue.UNIT_SIZE,
                cq.getMaxOffsetInQueue() - index));
        List<ConsumeQueueUnit> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = units.position() + i * ConsumeQueue.UNIT_SIZE;
            out.add(new ConsumeQueueUnit(index + i, units.getLong(at), units.getInt(at + 8), units.getLong(at + 12)));
        }
        return out;
    }

    /** Delayed messages' topic, whose queues are never cleaned as expired (they hold one queue per level). */
    private static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";

    @Override
    public int cleanExpiredConsumeQueues() {
        int[] removed = new int[1];
        commitLog.underAppendLock(() -> {
            long minPhy = commitLog.getMinOffset();
            for (String key : queues.destroyExpired(minPhy, SCHEDULE_TOPIC)) {
                queueOffsets.remove(key);
                removed[0]++;
            }
        });
        if (removed[0] > 0) {
            LOG.info("cleaned {} expired consume queues", removed[0]);
        }
        return removed[0];
    }

    @Override
    public Set<String> consumeQueueTopics() {
        Set<String> out = new java.util.HashSet<>();
        queues.forEach(cq -> out.add(cq.getTopic()));
        return out;
    }

    /** @return consume queues (topic-queue pairs) in the store @since 0.2.0 */
    public int consumeQueueCount() {
        return queues.all().size();
    }

    /** @return bytes of consume-queue units currently held (20 bytes per message still in a queue) @since 0.2.0 */
    public long consumeQueueBytes() {
        long units = 0;
        for (ConsumeQueue cq : queues.all()) {
            units += Math.max(0, cq.getMaxOffsetInQueue() - cq.getMinOffsetInQueue());
        }
        return units * ConsumeQueue.UNIT_SIZE;
    }

    /** @return the index service, or null when {@code messageIndexEnable=false} or before load */
    public IndexService getIndexService() {
        return index;
    }

    public MessageStoreConfig getConfig() {
        return config;
    }
}
