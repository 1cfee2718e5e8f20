package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.support.DelayLevels;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.store.StoreMessage;

/**
 * Put-time rewrites of a message before it is stored:
 * <ul>
 *   <li>a prepared transactional message goes to {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0 as a NOT_TYPE record,
 *       with its destination in {@code REAL_TOPIC}/{@code REAL_QID} (section 5.9);</li>
 *   <li>a non-transactional or commit message with {@code DELAY > 0} goes to {@code SCHEDULE_TOPIC_XXXX} queue
 *       {@code level - 1} (level clamped to the table), with its destination in {@code REAL_TOPIC}/{@code REAL_QID}
 *       (section 5.7); its tags code (delivery time) is computed by the store's resolver.</li>
 * </ul>
 * The schedule delivery and transaction check services read these records back. Immutable.
 *
 * @since 0.1.0
 */
public final class PutTimeRewriter {

    private final DelayLevels delayLevels;

    public PutTimeRewriter(DelayLevels delayLevels) {
        this.delayLevels = delayLevels;
    }

    /** @return whether the message is a prepared (half) transactional message */
    public static boolean isPrepared(int sysFlag) {
        return MessageSysFlag.getTransactionValue(sysFlag) == MessageSysFlag.TRANSACTION_PREPARED_TYPE;
    }

    /** Rewrites the message in place when it is a half or delayed message. */
    public void rewrite(StoreMessage msg) {
        int tranType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        if (tranType == MessageSysFlag.TRANSACTION_PREPARED_TYPE) {
            park(msg, SystemTopics.TRANS_HALF_TOPIC, 0);
            msg.setSysFlag(MessageSysFlag.resetTransactionValue(msg.getSysFlag(),
                MessageSysFlag.TRANSACTION_NOT_TYPE));
            return;
        }
        if (tranType == MessageSysFlag.TRANSACTION_NOT_TYPE || tranType == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            int level = msg.getDelayTimeLevel();
            if (level > 0) {
                if (level > delayLevels.maxLevel()) {
                    level = delayLevels.maxLevel();
                    msg.setDelayTimeLevel(level);
                }
                park(msg, SystemTopics.SCHEDULE_TOPIC, level - 1);
            }
        }
    }

    private static void park(StoreMessage msg, String topic, int queueId) {
        msg.putProperty(MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        msg.putProperty(MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setTopic(topic);
        msg.setQueueId(queueId);
    }
}
