package org.rocketmqhm.core.protocol.body;

import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.TopicFilterType;

import java.util.Objects;

/**
 * A topic on one broker: queue counts, permission, filter type. Mutable, not thread-safe; holders replace
 * instances instead of changing shared ones.
 *
 * @since 0.1.0
 */
public class TopicConfig {
    private String topicName;
    private int readQueueNums = 16;
    private int writeQueueNums = 16;
    private int perm = PermName.PERM_READ | PermName.PERM_WRITE;
    private TopicFilterType topicFilterType = TopicFilterType.SINGLE_TAG;
    private int topicSysFlag;
    private boolean order;

    public TopicConfig() {
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        this.topicName = topicName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
    }

    public TopicConfig copy() {
        TopicConfig copy = new TopicConfig(topicName, readQueueNums, writeQueueNums, perm);
        copy.topicFilterType = topicFilterType;
        copy.topicSysFlag = topicSysFlag;
        copy.order = order;
        return copy;
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public int getReadQueueNums() {
        return readQueueNums;
    }

    public void setReadQueueNums(int readQueueNums) {
        this.readQueueNums = readQueueNums;
    }

    public int getWriteQueueNums() {
        return writeQueueNums;
    }

    public void setWriteQueueNums(int writeQueueNums) {
        this.writeQueueNums = writeQueueNums;
    }

    public int getPerm() {
        return perm;
    }

    public void setPerm(int perm) {
        this.perm = perm;
    }

    public TopicFilterType getTopicFilterType() {
        return topicFilterType;
    }

    public void setTopicFilterType(TopicFilterType topicFilterType) {
        this.topicFilterType = topicFilterType;
    }

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public void setTopicSysFlag(int topicSysFlag) {
        this.topicSysFlag = topicSysFlag;
    }

    public boolean isOrder() {
        return order;
    }

    public void setOrder(boolean order) {
        this.order = order;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicConfig that && readQueueNums == that.readQueueNums
            && writeQueueNums == that.writeQueueNums && perm == that.perm && topicSysFlag == that.topicSysFlag
            && order == that.order && Objects.equals(topicName, that.topicName)
            && topicFilterType == that.topicFilterType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order);
    }

    @Override
    public String toString() {
        return "TopicConfig[topicName=" + topicName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + perm + ", topicFilterType=" + topicFilterType + ", topicSysFlag="
            + topicSysFlag + ", order=" + order + "]";
    }
}
