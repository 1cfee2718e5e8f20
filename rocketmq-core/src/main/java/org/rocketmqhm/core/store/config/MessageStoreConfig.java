package org.rocketmqhm.core.store.config;

import java.io.File;

/**
 * Store settings. Property names match Apache RocketMQ's {@code MessageStoreConfig} keys, so a
 * {@code broker.properties} binds by setter name (including the historical {@code maped*} aliases).
 * Not thread-safe; treat as immutable once the store starts.
 *
 * @since 0.1.0
 */
public class MessageStoreConfig {

    /** Root directory of all store files. */
    private String storePathRootDir = System.getProperty("user.home") + java.io.File.separator + "store";

    /** Commit-log directory; null means {@code <root>/commitlog}. */
    private String storePathCommitLog = null;

    /** Consume-queue directory; null means {@code <root>/consumequeue}. */
    private String storePathConsumeQueue = null;

    /** Index directory; null means {@code <root>/index}. */
    private String storePathIndex = null;

    /** Checkpoint file; null means {@code <root>/checkpoint}. */
    private String storeCheckpoint = null;

    /** Abort marker file; null means {@code <root>/abort}. */
    private String abortFile = null;

    /** Size of one commit-log file in bytes. */
    private int mappedFileSizeCommitLog = 1024 * 1024 * 1024;

    /** Size of one consume-queue file in bytes (rounded down to a multiple of 20). */
    private int mappedFileSizeConsumeQueue = 300000 * 20;

    /** Flush policy of the commit log. */
    private FlushDiskType flushDiskType = FlushDiskType.ASYNC_FLUSH;

    /** Role; a SLAVE store refuses puts. */
    private BrokerRole brokerRole = BrokerRole.ASYNC_MASTER;

    /** Async flush period of the commit log, ms. */
    private int flushIntervalCommitLog = 500;

    /** Minimum dirty 4 KiB pages before an async commit-log flush. */
    private int flushCommitLogLeastPages = 4;

    /** Interval after which the commit log is flushed regardless of dirty pages, ms. */
    private int flushCommitLogThoroughInterval = 10000;

    /** Consume-queue flush period, ms. */
    private int flushIntervalConsumeQueue = 1000;

    /** Minimum dirty pages before a consume-queue flush. */
    private int flushConsumeQueueLeastPages = 2;

    /** Interval after which consume queues are flushed regardless of dirty pages, ms. */
    private int flushConsumeQueueThoroughInterval = 60000;

    /** Time a SYNC_FLUSH put waits for its flush before FLUSH_DISK_TIMEOUT, ms. */
    private long syncFlushTimeout = 5000;

    /** Master HA port; a broker forces it to listenPort + 1 (an ephemeral port when listenPort is 0). */
    private int haListenPort = 10912;

    /** Master HA address ({@code host:port}) a slave connects to; null: learned from REGISTER_BROKER. */
    private String haMasterAddress = null;

    /** Slave: send a report at least this often; master: send a heartbeat frame after this idle time, ms. */
    private int haSendHeartbeatInterval = 1000 * 5;

    /** Either HA side closes a connection that has read nothing for this long, ms. */
    private int haHousekeepingInterval = 1000 * 20;

    /** Largest data part of one HA transfer frame, bytes. */
    private int haTransferBatchSize = 1024 * 32;

    /** SYNC_MASTER: a slave whose ack lags the master by this many bytes or more counts as not available. */
    private int haSlaveFallbehindMax = 1024 * 1024 * 256;

    /** SYNC_MASTER: time a put waits for a slave ack before FLUSH_SLAVE_TIMEOUT, ms. */
    private long slaveTimeout = 3000;

    /**
     * Percentage of physical memory assumed to hold the newest commit-log bytes; a pull reading further back than
     * this is "slow" and, with slaveReadEnable, is sent to the group's whichBrokerWhenConsumeSlowly.
     */
    private int accessMessageInMemoryMaxRatio = 40;

    /** Largest body accepted, bytes. */
    private int maxMessageSize = 1024 * 1024 * 4;

    /** Byte cap of one getMessage result. */
    private int maxTransferBytesOnMessageInMemory = 1024 * 256;

    /** Message-count cap of one getMessage result. */
    private int maxTransferCountOnMessageInMemory = 32;

    /** Consume-queue bytes scanned by one getMessage call at most (800 units). */
    private int maxFilterMessageCount = 16000;

    /** Hours a commit-log file is kept. */
    private int fileReservedTime = 72;

    /** Hours of day (separated by ';') when expired files are deleted. */
    private String deleteWhen = "04";

    /** Disk usage percentage that forces early deletion. */
    private int diskMaxUsedSpaceRatio = 75;

    /** Usage ratio (0..1) above which puts are refused ("disk full"); Apache's diskSpaceWarningLevelRatio. */
    private double diskSpaceWarningLevelRatio = 0.90;

    /** Usage ratio (0..1) above which the oldest commit-log files are deleted even if not expired. */
    private double diskSpaceCleanForciblyRatio = 0.85;

    /** Whether files may be deleted before they expire when the disk passes diskSpaceCleanForciblyRatio. */
    private boolean cleanFileForciblyEnable = true;

    /** Period of the clean service (retention and disk check), ms. */
    private int cleanResourceInterval = 10000;

    /** Pause between two commit-log file deletions, ms. */
    private int deleteCommitLogFilesInterval = 100;

    /** Pause between two consume-queue file deletions, ms. */
    private int deleteConsumeQueueFilesInterval = 100;

    /** Delay between removing a deleted file from use and unmapping it (readers may hold slices), ms. */
    private int destroyMapedFileIntervalForcibly = 1000 * 120;

    /** Whether the key index is built. */
    private boolean messageIndexEnable = true;

    /** Hash slots per index file. */
    private int maxHashSlotNum = 5000000;

    /** Entries per index file. */
    private int maxIndexNum = 5000000 * 4;

    /** Whether abnormal recovery also starts no later than the index timestamp. */
    private boolean messageIndexSafe = false;

    /** Whether recovery verifies body CRCs. */
    private boolean checkCRCOnRecover = true;

    /** Delay level table (policy of the broker; kept here for binding). */
    private String messageDelayLevel = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

    /** Milliseconds between persists of {@code config/delayOffset.json} (broker schedule service). */
    private long flushDelayOffsetInterval = 10_000;

    /** Accepted for compatibility; ignored. */
    private boolean transientStorePoolEnable = false;

    /** Accepted for compatibility; ignored. */
    private int transientStorePoolSize = 5;

    /** Accepted for compatibility; ignored. */
    private boolean warmMapedFileEnable = false;

    /** Accepted for compatibility; ignored. */
    private boolean duplicationEnable = false;

    /** Accepted for compatibility; ignored. */
    private boolean enableConsumeQueueExt = false;

    public String getStorePathRootDir() {
        return storePathRootDir;
    }

    public void setStorePathRootDir(String storePathRootDir) {
        this.storePathRootDir = storePathRootDir;
    }

    public String getStorePathCommitLog() {
        return storePathCommitLog;
    }

    public void setStorePathCommitLog(String storePathCommitLog) {
        this.storePathCommitLog = storePathCommitLog;
    }

    public String getStorePathConsumeQueue() {
        return storePathConsumeQueue;
    }

    public void setStorePathConsumeQueue(String storePathConsumeQueue) {
        this.storePathConsumeQueue = storePathConsumeQueue;
    }

    public String getStorePathIndex() {
        return storePathIndex;
    }

    public void setStorePathIndex(String storePathIndex) {
        this.storePathIndex = storePathIndex;
    }

    public String getStoreCheckpoint() {
        return storeCheckpoint;
    }

    public void setStoreCheckpoint(String storeCheckpoint) {
        this.storeCheckpoint = storeCheckpoint;
    }

    public String getAbortFile() {
        return abortFile;
    }

    public void setAbortFile(String abortFile) {
        this.abortFile = abortFile;
    }

    public int getMappedFileSizeCommitLog() {
        return mappedFileSizeCommitLog;
    }

    public void setMappedFileSizeCommitLog(int mappedFileSizeCommitLog) {
        this.mappedFileSizeCommitLog = mappedFileSizeCommitLog;
    }

    public int getMappedFileSizeConsumeQueue() {
        return mappedFileSizeConsumeQueue;
    }

    public void setMappedFileSizeConsumeQueue(int mappedFileSizeConsumeQueue) {
        this.mappedFileSizeConsumeQueue = mappedFileSizeConsumeQueue;
    }

    public FlushDiskType getFlushDiskType() {
        return flushDiskType;
    }

    public void setFlushDiskType(FlushDiskType flushDiskType) {
        this.flushDiskType = flushDiskType;
    }

    public BrokerRole getBrokerRole() {
        return brokerRole;
    }

    public void setBrokerRole(BrokerRole brokerRole) {
        this.brokerRole = brokerRole;
    }

    public int getFlushIntervalCommitLog() {
        return flushIntervalCommitLog;
    }

    public void setFlushIntervalCommitLog(int flushIntervalCommitLog) {
        this.flushIntervalCommitLog = flushIntervalCommitLog;
    }

    public int getFlushCommitLogLeastPages() {
        return flushCommitLogLeastPages;
    }

    public void setFlushCommitLogLeastPages(int flushCommitLogLeastPages) {
        this.flushCommitLogLeastPages = flushCommitLogLeastPages;
    }

    public int getFlushCommitLogThoroughInterval() {
        return flushCommitLogThoroughInterval;
    }

    public void setFlushCommitLogThoroughInterval(int flushCommitLogThoroughInterval) {
        this.flushCommitLogThoroughInterval = flushCommitLogThoroughInterval;
    }

    public int getFlushIntervalConsumeQueue() {
        return flushIntervalConsumeQueue;
    }

    public void setFlushIntervalConsumeQueue(int flushIntervalConsumeQueue) {
        this.flushIntervalConsumeQueue = flushIntervalConsumeQueue;
    }

    public int getFlushConsumeQueueLeastPages() {
        return flushConsumeQueueLeastPages;
    }

    public void setFlushConsumeQueueLeastPages(int flushConsumeQueueLeastPages) {
        this.flushConsumeQueueLeastPages = flushConsumeQueueLeastPages;
    }

    public int getFlushConsumeQueueThoroughInterval() {
        return flushConsumeQueueThoroughInterval;
    }

    public void setFlushConsumeQueueThoroughInterval(int flushConsumeQueueThoroughInterval) {
        this.flushConsumeQueueThoroughInterval = flushConsumeQueueThoroughInterval;
    }

    public long getSyncFlushTimeout() {
        return syncFlushTimeout;
    }

    public void setSyncFlushTimeout(long syncFlushTimeout) {
        this.syncFlushTimeout = syncFlushTimeout;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getMaxTransferBytesOnMessageInMemory() {
        return maxTransferBytesOnMessageInMemory;
    }

    public void setMaxTransferBytesOnMessageInMemory(int maxTransferBytesOnMessageInMemory) {
        this.maxTransferBytesOnMessageInMemory = maxTransferBytesOnMessageInMemory;
    }

    public int getMaxTransferCountOnMessageInMemory() {
        return maxTransferCountOnMessageInMemory;
    }

    public void setMaxTransferCountOnMessageInMemory(int maxTransferCountOnMessageInMemory) {
        this.maxTransferCountOnMessageInMemory = maxTransferCountOnMessageInMemory;
    }

    public int getMaxFilterMessageCount() {
        return maxFilterMessageCount;
    }

    public void setMaxFilterMessageCount(int maxFilterMessageCount) {
        this.maxFilterMessageCount = maxFilterMessageCount;
    }

    public int getFileReservedTime() {
        return fileReservedTime;
    }

    public void setFileReservedTime(int fileReservedTime) {
        this.fileReservedTime = fileReservedTime;
    }

    public String getDeleteWhen() {
        return deleteWhen;
    }

    public void setDeleteWhen(String deleteWhen) {
        this.deleteWhen = deleteWhen;
    }

    public int getDiskMaxUsedSpaceRatio() {
        return diskMaxUsedSpaceRatio;
    }

    public void setDiskMaxUsedSpaceRatio(int diskMaxUsedSpaceRatio) {
        this.diskMaxUsedSpaceRatio = diskMaxUsedSpaceRatio;
    }

    public double getDiskSpaceWarningLevelRatio() {
        return diskSpaceWarningLevelRatio;
    }

    public void setDiskSpaceWarningLevelRatio(double diskSpaceWarningLevelRatio) {
        this.diskSpaceWarningLevelRatio = diskSpaceWarningLevelRatio;
    }

    public double getDiskSpaceCleanForciblyRatio() {
        return diskSpaceCleanForciblyRatio;
    }

    public void setDiskSpaceCleanForciblyRatio(double diskSpaceCleanForciblyRatio) {
        this.diskSpaceCleanForciblyRatio = diskSpaceCleanForciblyRatio;
    }

    public boolean isCleanFileForciblyEnable() {
        return cleanFileForciblyEnable;
    }

    public void setCleanFileForciblyEnable(boolean cleanFileForciblyEnable) {
        this.cleanFileForciblyEnable = cleanFileForciblyEnable;
    }

    public int getCleanResourceInterval() {
        return cleanResourceInterval;
    }

    public void setCleanResourceInterval(int cleanResourceInterval) {
        this.cleanResourceInterval = cleanResourceInterval;
    }

    public int getDeleteCommitLogFilesInterval() {
        return deleteCommitLogFilesInterval;
    }

    public void setDeleteCommitLogFilesInterval(int deleteCommitLogFilesInterval) {
        this.deleteCommitLogFilesInterval = deleteCommitLogFilesInterval;
    }

    public int getDeleteConsumeQueueFilesInterval() {
        return deleteConsumeQueueFilesInterval;
    }

    public void setDeleteConsumeQueueFilesInterval(int deleteConsumeQueueFilesInterval) {
        this.deleteConsumeQueueFilesInterval = deleteConsumeQueueFilesInterval;
    }

    public int getDestroyMapedFileIntervalForcibly() {
        return destroyMapedFileIntervalForcibly;
    }

    public void setDestroyMapedFileIntervalForcibly(int destroyMapedFileIntervalForcibly) {
        this.destroyMapedFileIntervalForcibly = destroyMapedFileIntervalForcibly;
    }

    public boolean isMessageIndexEnable() {
        return messageIndexEnable;
    }

    public void setMessageIndexEnable(boolean messageIndexEnable) {
        this.messageIndexEnable = messageIndexEnable;
    }

    public int getMaxHashSlotNum() {
        return maxHashSlotNum;
    }

    public void setMaxHashSlotNum(int maxHashSlotNum) {
        this.maxHashSlotNum = maxHashSlotNum;
    }

    public int getMaxIndexNum() {
        return maxIndexNum;
    }

    public void setMaxIndexNum(int maxIndexNum) {
        this.maxIndexNum = maxIndexNum;
    }

    public boolean isMessageIndexSafe() {
        return messageIndexSafe;
    }

    public void setMessageIndexSafe(boolean messageIndexSafe) {
        this.messageIndexSafe = messageIndexSafe;
    }

    public boolean isCheckCRCOnRecover() {
        return checkCRCOnRecover;
    }

    public void setCheckCRCOnRecover(boolean checkCRCOnRecover) {
        this.checkCRCOnRecover = checkCRCOnRecover;
    }

    public String getMessageDelayLevel() {
        return messageDelayLevel;
    }

    public void setMessageDelayLevel(String messageDelayLevel) {
        this.messageDelayLevel = messageDelayLevel;
    }

    public boolean isTransientStorePoolEnable() {
        return transientStorePoolEnable;
    }

    public void setTransientStorePoolEnable(boolean transientStorePoolEnable) {
        this.transientStorePoolEnable = transientStorePoolEnable;
    }

    public int getTransientStorePoolSize() {
        return transientStorePoolSize;
    }

    public void setTransientStorePoolSize(int transientStorePoolSize) {
        this.transientStorePoolSize = transientStorePoolSize;
    }

    public boolean isWarmMapedFileEnable() {
        return warmMapedFileEnable;
    }

    public void setWarmMapedFileEnable(boolean warmMapedFileEnable) {
        this.warmMapedFileEnable = warmMapedFileEnable;
    }

    public boolean isDuplicationEnable() {
        return duplicationEnable;
    }

    public void setDuplicationEnable(boolean duplicationEnable) {
        this.duplicationEnable = duplicationEnable;
    }

    public boolean isEnableConsumeQueueExt() {
        return enableConsumeQueueExt;
    }

    public void setEnableConsumeQueueExt(boolean enableConsumeQueueExt) {
        this.enableConsumeQueueExt = enableConsumeQueueExt;
    }

    /** Alias of {@link #setMappedFileSizeCommitLog}. @param size bytes */
    public void setMapedFileSizeCommitLog(int size) {
        this.mappedFileSizeCommitLog = size;
    }

    /** @return alias of {@link #getMappedFileSizeCommitLog} */
    public int getMapedFileSizeCommitLog() {
        return mappedFileSizeCommitLog;
    }

    /** Alias of {@link #setMappedFileSizeConsumeQueue}. @param size bytes */
    public void setMapedFileSizeConsumeQueue(int size) {
        this.mappedFileSizeConsumeQueue = size;
    }

    /** @return alias of {@link #getMappedFileSizeConsumeQueue} */
    public int getMapedFileSizeConsumeQueue() {
        return mappedFileSizeConsumeQueue;
    }

    /** @return consume-queue file size rounded down to whole 20-byte units (at least one) */
    public int consumeQueueFileSize() {
        return Math.max(20, mappedFileSizeConsumeQueue / 20 * 20);
    }

    /** @return resolved commit-log directory */
    public String commitLogDir() {
        return storePathCommitLog != null ? storePathCommitLog : storePathRootDir + File.separator + "commitlog";
    }

    /** @return resolved consume-queue directory */
    public String consumeQueueDir() {
        return storePathConsumeQueue != null ? storePathConsumeQueue
                : storePathRootDir + File.separator + "consumequeue";
    }

    /** @return resolved index directory */
    public String indexDir() {
        return storePathIndex != null ? storePathIndex : storePathRootDir + File.separator + "index";
    }

    /** @return resolved checkpoint file */
    public String checkpointPath() {
        return storeCheckpoint != null ? storeCheckpoint : storePathRootDir + File.separator + "checkpoint";
    }

    /** @return resolved abort file */
    public String abortPath() {
        return abortFile != null ? abortFile : storePathRootDir + File.separator + "abort";
    }

    public long getFlushDelayOffsetInterval() {
        return flushDelayOffsetInterval;
    }

    public void setFlushDelayOffsetInterval(long flushDelayOffsetInterval) {
        this.flushDelayOffsetInterval = flushDelayOffsetInterval;
    }

    public int getHaListenPort() {
        return haListenPort;
    }

    public void setHaListenPort(int haListenPort) {
        this.haListenPort = haListenPort;
    }

    public String getHaMasterAddress() {
        return haMasterAddress;
    }

    public void setHaMasterAddress(String haMasterAddress) {
        this.haMasterAddress = haMasterAddress;
    }

    public int getHaSendHeartbeatInterval() {
        return haSendHeartbeatInterval;
    }

    public void setHaSendHeartbeatInterval(int haSendHeartbeatInterval) {
        this.haSendHeartbeatInterval = haSendHeartbeatInterval;
    }

    public int getHaHousekeepingInterval() {
        return haHousekeepingInterval;
    }

    public void setHaHousekeepingInterval(int haHousekeepingInterval) {
        this.haHousekeepingInterval = haHousekeepingInterval;
    }

    public int getHaTransferBatchSize() {
        return haTransferBatchSize;
    }

    public void setHaTransferBatchSize(int haTransferBatchSize) {
        this.haTransferBatchSize = haTransferBatchSize;
    }

    public int getHaSlaveFallbehindMax() {
        return haSlaveFallbehindMax;
    }

    public void setHaSlaveFallbehindMax(int haSlaveFallbehindMax) {
        this.haSlaveFallbehindMax = haSlaveFallbehindMax;
    }

    public int getAccessMessageInMemoryMaxRatio() {
        return accessMessageInMemoryMaxRatio;
    }

    public void setAccessMessageInMemoryMaxRatio(int accessMessageInMemoryMaxRatio) {
        this.accessMessageInMemoryMaxRatio = accessMessageInMemoryMaxRatio;
    }

    public long getSlaveTimeout() {
        return slaveTimeout;
    }

    public void setSlaveTimeout(long slaveTimeout) {
        this.slaveTimeout = slaveTimeout;
    }
}
