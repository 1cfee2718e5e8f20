package org.rocketmqhm.core.common.message;

import java.net.InetSocketAddress;

/**
 * A stored message: a {@link Message} plus the fields of the stored layout (section 4.1). Not thread-safe.
 *
 * @since 0.1.0
 */
public class MessageExt extends Message {

    private int queueId;
    private int storeSize;
    private long queueOffset;
    private int sysFlag;
    private long bornTimestamp;
    private InetSocketAddress bornHost;
    private long storeTimestamp;
    private InetSocketAddress storeHost;
    private String msgId;
    private long commitLogOffset;
    private int bodyCRC;
    private int reconsumeTimes;
    private long preparedTransactionOffset;

    public int getQueueId() {
        return queueId;
    }

    public void setQueueId(int queueId) {
        this.queueId = queueId;
    }

    public int getStoreSize() {
        return storeSize;
    }

    public void setStoreSize(int storeSize) {
        this.storeSize = storeSize;
    }

    public long getQueueOffset() {
        return queueOffset;
    }

    public void setQueueOffset(long queueOffset) {
        this.queueOffset = queueOffset;
    }

    public int getSysFlag() {
        return sysFlag;
    }

    public void setSysFlag(int sysFlag) {
        this.sysFlag = sysFlag;
    }

    public long getBornTimestamp() {
        return bornTimestamp;
    }

    public void setBornTimestamp(long bornTimestamp) {
        this.bornTimestamp = bornTimestamp;
    }

    public InetSocketAddress getBornHost() {
        return bornHost;
    }

    /** Sets the born host and keeps SYSFLAG bit 4 in step with its address family. */
    public void setBornHost(InetSocketAddress bornHost) {
        this.bornHost = bornHost;
        if (bornHost != null && bornHost.getAddress() != null) {
            boolean v6 = bornHost.getAddress().getAddress().length == 16;
            sysFlag = v6 ? sysFlag | MessageSysFlag.BORNHOST_V6_FLAG : sysFlag & ~MessageSysFlag.BORNHOST_V6_FLAG;
        }
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public void setStoreTimestamp(long storeTimestamp) {
        this.storeTimestamp = storeTimestamp;
    }

    public InetSocketAddress getStoreHost() {
        return storeHost;
    }

    /** Sets the store host and keeps SYSFLAG bit 5 in step with its address family. */
    public void setStoreHost(InetSocketAddress storeHost) {
        this.storeHost = storeHost;
        if (storeHost != null && storeHost.getAddress() != null) {
            boolean v6 = storeHost.getAddress().getAddress().length == 16;
            sysFlag = v6 ? sysFlag | MessageSysFlag.STOREHOST_V6_FLAG : sysFlag & ~MessageSysFlag.STOREHOST_V6_FLAG;
        }
    }

    /** @return the UNIQ_KEY property when present, else the offset message id */
    public String getMsgId() {
        String uniq = getUniqKey();
        return uniq != null ? uniq : msgId;
    }

    /** @return the offset message id (store host + commit-log offset) */
    public String getOffsetMsgId() {
        return msgId;
    }

    /** @param msgId the offset message id */
    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }

    public long getCommitLogOffset() {
        return commitLogOffset;
    }

    public void setCommitLogOffset(long commitLogOffset) {
        this.commitLogOffset = commitLogOffset;
    }

    public int getBodyCRC() {
        return bodyCRC;
    }

    public void setBodyCRC(int bodyCRC) {
        this.bodyCRC = bodyCRC;
    }

    public int getReconsumeTimes() {
        return reconsumeTimes;
    }

    public void setReconsumeTimes(int reconsumeTimes) {
        this.reconsumeTimes = reconsumeTimes;
    }

    public long getPreparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    public void setPreparedTransactionOffset(long preparedTransactionOffset) {
        this.preparedTransactionOffset = preparedTransactionOffset;
    }

    @Override
    public String toString() {
        return "MessageExt{queueId=" + queueId + ", queueOffset=" + queueOffset + ", commitLogOffset="
                + commitLogOffset + ", sysFlag=" + sysFlag + ", storeSize=" + storeSize + ", " + super.toString() + "}";
    }
}
