package org.rocketmqhm.core.broker.schedule;

import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.store.StoreMessage;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the message a due {@code SCHEDULE_TOPIC_XXXX} record is re-put as (section 5.7): topic and queue from
 * {@code REAL_TOPIC}/{@code REAL_QID} (left in place), {@code DELAY} removed, {@code WAIT=false}; body, flag,
 * sysFlag, born/store hosts, reconsume times, prepared offset and {@code UNIQ_KEY} kept. The store assigns a new
 * commit-log offset (hence a new offset msgId) and recomputes the tags code from {@code TAGS}. Stateless.
 *
 * @since 0.1.0
 */
final class ScheduledMessages {

    private ScheduledMessages() {
    }

    /** @return the message to deliver, or null when the record has no usable REAL_TOPIC/REAL_QID */
    static StoreMessage restore(MessageExt scheduled) {
        String topic = scheduled.getProperty(MessageConst.PROPERTY_REAL_TOPIC);
        String qid = scheduled.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        if (topic == null || qid == null) {
            return null;
        }
        StoreMessage msg = new StoreMessage();
        msg.setTopic(topic);
        try {
            msg.setQueueId(Integer.parseInt(qid.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, String> properties = new HashMap<>(scheduled.getProperties());
        properties.remove(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        properties.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "false");
        msg.setProperties(properties);
        msg.setBody(scheduled.getBody());
        msg.setFlag(scheduled.getFlag());
        msg.setSysFlag(scheduled.getSysFlag());
        msg.setBornTimestamp(scheduled.getBornTimestamp());
        msg.setBornHost(scheduled.getBornHost());
        msg.setStoreHost(scheduled.getStoreHost());
        msg.setReconsumeTimes(scheduled.getReconsumeTimes());
        msg.setPreparedTransactionOffset(scheduled.getPreparedTransactionOffset());
        return msg;
    }
}
