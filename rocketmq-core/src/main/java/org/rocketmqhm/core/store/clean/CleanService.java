package org.rocketmqhm.core.store.clean;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.StoreHealth;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.index.IndexFile;
import org.rocketmqhm.core.store.index.IndexService;
import org.rocketmqhm.core.store.log.CommitLog;
import org.rocketmqhm.core.store.log.MappedFile;
import org.rocketmqhm.core.store.queue.ConsumeQueue;
import org.rocketmqhm.core.store.queue.ConsumeQueueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention and disk checks, every {@code cleanResourceInterval} ms:
 * <ol>
 * <li>probes the disk through the {@link DiskGuard} (which also gates puts);</li>
 * <li>deletes commit-log files, oldest first and never the current (last) one, whose last modification is older
 * than {@code fileReservedTime} hours, but only when the clock's hour is one of {@code deleteWhen} ("04" or
 * "04;05"), when disk usage passes {@code diskMaxUsedSpaceRatio} %, or when an admin asked
 * ({@link #deleteExpiredNow()}). Above {@code diskSpaceCleanForciblyRatio} (and with
 * {@code cleanFileForciblyEnable}) the oldest files go even if not expired, at most 10 per run. Deletions are
 * spaced by {@code deleteCommitLogFilesInterval} ms;</li>
 * <li>then deletes consume-queue files and index files whose entries all point below the new commit-log min
 * offset, and moves each queue's min offset past such entries;</li>
 * <li>unmaps deleted files once their grace period ({@link DeferredUnmapper}) is over.</li>
 * </ol>
 * Runs on its own thread; {@link #runOnce(boolean)} is synchronized so admin calls and the loop never overlap.
 *
 * @since 0.2.0
 */
public final class CleanService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(CleanService.class);
    private static final int FORCED_DELETES_PER_RUN = 10;

    private final MessageStoreConfig config;
    private final Clock clock;
    private final DiskGuard guard;
    private final CommitLog commitLog;
    private final ConsumeQueueStore queues;
    private final IndexService index;
    private final DeferredUnmapper unmapper;
    private long lastCleanedMinOffset = -1;

    /**
     * @param config settings
     * @param clock clock for file ages and the deleteWhen hour
     * @param guard disk guard to refresh
     * @param commitLog commit log
     * @param queues consume queues
     * @param index index service, or null when disabled
     * @param unmapper deferred unmapping of deleted files
     */
    public CleanService(MessageStoreConfig config, Clock clock, DiskGuard guard, CommitLog commitLog,
            ConsumeQueueStore queues, IndexService index, DeferredUnmapper unmapper) {
        this.config = config;
        this.clock = clock;
        this.guard = guard;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.unmapper = unmapper;
    }

    @Override
    public String getServiceName() {
        return "StoreCleanService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(config.getCleanResourceInterval());
            if (isStopped()) {
                break;
            }
            try {
                runOnce(false);
            } catch (RuntimeException e) {
                LOG.error("clean service run failed", e);
            }
        }
    }

    /** Admin DELETE_EXPIRED_COMMITLOG: deletes expired files now, whatever the hour. @return files deleted */
    public int deleteExpiredNow() {
        return runOnce(true);
    }

    /**
     * One retention pass.
     *
     * @param manual whether to ignore {@code deleteWhen}
     * @return commit-log files deleted
     */
    public synchronized int runOnce(boolean manual) {
        StoreHealth h = guard.check();
        double ratio = h.diskUsedRatio();
        boolean timeUp = isDeleteHour();
        boolean spaceFull = ratio >= h.cleanRatio();
        boolean forcibly = config.isCleanFileForciblyEnable() && ratio >= h.cleanForciblyRatio();
        int deleted = 0;
        if (timeUp || spaceFull || manual || !h.writable()) {
            long expiredMs = TimeUnit.HOURS.toMillis(config.getFileReservedTime());
            long now = clock.millis();
            boolean first = true;
            while (true) {
                boolean force = (forcibly || !h.writable()) && deleted < FORCED_DELETES_PER_RUN;
                MappedFile mf = commitLog.files().removeFirstIf(f -> force || now - f.lastModified() >= expiredMs);
                if (mf == null) {
                    break;
                }
                if (!first && config.getDeleteCommitLogFilesInterval() > 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(config.getDeleteCommitLogFilesInterval()));
                }
                first = false;
                mf.deleteFileOnly();
                unmapper.schedule(mf::close);
                deleted++;
                LOG.info("retention: deleted commit log file {} ({}; disk {}%, time up {}, manual {})",
                        mf.getFile().getName(), force ? "forced" : "expired",
                        String.format("%.1f", ratio * 100), timeUp, manual);
            }
        }
        long minPhy = commitLog.getMinOffset();
        if (minPhy != lastCleanedMinOffset) {
            cleanDerived(minPhy);
            lastCleanedMinOffset = minPhy;
        }
        unmapper.reclaimDue();
        if (deleted > 0) {
            guard.check();
        }
        return deleted;
    }

    private void cleanDerived(long minPhy) {
        for (ConsumeQueue cq : queues.all()) {
            MappedFile mf;
            while ((mf = cq.removeFirstFileBelow(minPhy)) != null) {
                mf.deleteFileOnly();
                unmapper.schedule(mf::close);
                LOG.info("retention: deleted consume queue file {}/{}/{}", cq.getTopic(), cq.getQueueId(),
                        mf.getFile().getName());
            }
            cq.correctMinOffset(minPhy);
        }
        if (index != null) {
            IndexFile f;
            while ((f = index.removeFirstBelow(minPhy)) != null) {
                f.deleteFileOnly();
                unmapper.schedule(f::close);
                LOG.info("retention: deleted index file {}", f.getFile().getName());
            }
        }
    }

    private boolean isDeleteHour() {
        int hour = ZonedDateTime.now(clock).getHour();
        for (String h : config.getDeleteWhen().split(";")) {
            String t = h.trim();
            if (!t.isEmpty()) {
                try {
                    if (Integer.parseInt(t) == hour) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring bad deleteWhen hour '{}'", t);
                }
            }
        }
        return false;
    }
}
