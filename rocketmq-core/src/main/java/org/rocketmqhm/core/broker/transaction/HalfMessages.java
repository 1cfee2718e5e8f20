package org.rocketmqhm.core.broker.transaction;

import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.store.StoreMessage;

import java.util.HashMap;
import java.util.Map;

/**
 * The message transformations of section 5.9 around a half message stored in {@code RMQ_SYS_TRANS_HALF_TOPIC}:
 * the committed message, the re-appended copy of a check run, the copy discarded to
 * {@code TRANS_CHECK_MAX_TIME_TOPIC}, the op record and the check-back view. Stateless.
 *
 * @since 0.1.0
 */
public final class HalfMessages {

    /** Tag of op records ("d" = deleted/decided). */
    public static final String OP_TAG = "d";

    private HalfMessages() {
    }

    /**
     * @param half the stored half message
     * @return the message to store on commit: REAL_TOPIC/REAL_QID restored and removed, transaction bits COMMIT,
     *     preparedTransactionOffset = the half message's commit-log offset, TRAN_MSG removed, WAIT=false
     */
    public static StoreMessage committed(MessageExt half) {
        StoreMessage msg = copyOf(half, realTopic(half), realQueueId(half));
        msg.getProperties().remove(MessageConst.PROPERTY_REAL_TOPIC);
        msg.getProperties().remove(MessageConst.PROPERTY_REAL_QUEUE_ID);
        msg.getProperties().remove(MessageConst.PROPERTY_TRANSACTION_PREPARED);
        msg.getProperties().put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "false");
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(half.getSysFlag(),
            MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        msg.setPreparedTransactionOffset(half.getCommitLogOffset());
        return msg;
    }

    /** @return a copy for the end of the half queue with TRANSACTION_CHECK_TIMES set to {@code checkTimes} */
    static StoreMessage reappended(MessageExt half, int checkTimes) {
        StoreMessage msg = copyOf(half, SystemTopics.TRANS_HALF_TOPIC, 0);
        msg.getProperties().put(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        return msg;
    }

    /**
     * @return the copy re-appended for a half message still within its CHECK_IMMUNITY_TIME_IN_SECONDS:
     *     unchanged but for TRAN_PREPARED_QUEUE_OFFSET = the half offset it was first prepared at
     */
    static StoreMessage deferred(MessageExt half, long preparedQueueOffset) {
        StoreMessage msg = copyOf(half, SystemTopics.TRANS_HALF_TOPIC, 0);
        msg.getProperties().put(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET,
            String.valueOf(preparedQueueOffset));
        return msg;
    }

    /**
     * @param half a stored half message
     * @return its copy for RESUME_CHECK_HALF_MESSAGE: re-appended with TRANSACTION_CHECK_TIMES reset to 0
     * @since 0.3.0
     */
    public static StoreMessage resumed(MessageExt half) {
        return reappended(half, 0);
    }

    /** @return the copy kept in TRANS_CHECK_MAX_TIME_TOPIC for an abandoned half message */
    static StoreMessage discarded(MessageExt half) {
        return copyOf(half, SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0);
    }

    /** @return an op record (tag "d", body = the half queue offset in decimal) */
    public static StoreMessage opRecord(long halfQueueOffset, MessageExt half) {
        StoreMessage op = new StoreMessage();
        op.setTopic(SystemTopics.TRANS_OP_HALF_TOPIC);
        op.setQueueId(0);
        op.setBody(Long.toString(halfQueueOffset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> props = new HashMap<>();
        props.put(MessageConst.PROPERTY_TAGS, OP_TAG);
        props.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "false");
        op.setProperties(props);
        op.setBornTimestamp(System.currentTimeMillis());
        op.setBornHost(half.getStoreHost());
        op.setStoreHost(half.getStoreHost());
        return op;
    }

    /** @return the check-back view: topic/queue restored from REAL_TOPIC/REAL_QID, everything else as stored */
    static MessageExt checkView(MessageExt stored) {
        MessageExt view = copyOf(stored, realTopic(stored), realQueueId(stored));
        view.setQueueOffset(stored.getQueueOffset());
        view.setCommitLogOffset(stored.getCommitLogOffset());
        view.setStoreTimestamp(stored.getStoreTimestamp());
        view.setMsgId(stored.getOffsetMsgId());
        return view;
    }

    static int checkTimes(MessageExt half) {
        String v = half.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        try {
            return v == null ? 0 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String realTopic(MessageExt half) {
        String topic = half.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
        return topic != null ? topic : half.getTopic();
    }

    private static int realQueueId(MessageExt half) {
        String qid = half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        try {
            return qid == null ? half.getQueueId() : Integer.parseInt(qid.trim());
        } catch (NumberFormatException e) {
            return half.getQueueId();
        }
    }

    private static StoreMessage copyOf(MessageExt src, String topic, int queueId) {
        StoreMessage msg = new StoreMessage();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(src.getBody());
        msg.setFlag(src.getFlag());
        msg.setProperties(new HashMap<>(src.getProperties()));
        msg.setSysFlag(src.getSysFlag());
        msg.setBornTimestamp(src.getBornTimestamp());
        msg.setBornHost(src.getBornHost());
        msg.setStoreHost(src.getStoreHost());
        msg.setReconsumeTimes(src.getReconsumeTimes());
        msg.setPreparedTransactionOffset(src.getPreparedTransactionOffset());
        return msg;
    }
}
