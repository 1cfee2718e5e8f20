package org.rocketmqhm.core.broker.transaction;

import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.store.GetMessageResult;
import org.rocketmqhm.core.store.GetMessageStatus;
import org.rocketmqhm.core.store.MessageFilter;
import org.rocketmqhm.core.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Refills {@link TransactionOutcomes} at broker start from the last {@code maxOps} op records of
 * {@code RMQ_SYS_TRANS_OP_HALF_TOPIC}: each op record names a decided half queue offset, whose half message gives
 * the transaction key. Called once, before the broker answers END_TRANSACTION; not thread-safe itself.
 *
 * @since 0.4.0
 */
public final class TransactionOutcomesLoader {

    private static final Logger log = LoggerFactory.getLogger(TransactionOutcomesLoader.class);
    private static final String GROUP = SystemTopics.TRANS_SYSTEM_GROUP;
    /** Recorded for loaded decisions: the op record does not say whether it was a commit or a rollback. */
    private static final int LOADED = 0;

    private TransactionOutcomesLoader() {
    }

    /** @return how many decisions were loaded */
    public static int load(MessageStore store, TransactionOutcomes outcomes, int maxOps) {
        String opTopic = SystemTopics.TRANS_OP_HALF_TOPIC;
        long max = store.getMaxOffsetInQueue(opTopic, 0);
        long offset = Math.max(store.getMinOffsetInQueue(opTopic, 0), max - maxOps);
        int loaded = 0;
        while (offset < max) {
            GetMessageResult ops = store.getMessage(GROUP, opTopic, 0, offset, 32, 0, MessageFilter.ALL);
            if (ops.status() != GetMessageStatus.FOUND) {
                if (ops.nextBeginOffset() > offset) {
                    offset = ops.nextBeginOffset();
                    continue;
                }
                break;
            }
            for (int i = 0; i < ops.messageCount(); i++) {
                MessageExt op = MessageDecoder.decode(ops.messages().get(i).duplicate(), true, false);
                MessageExt half = halfAt(store, op);
                if (half != null && outcomes.decide(half, LOADED)) {
                    loaded++;
                }
            }
            offset = ops.nextBeginOffset();
        }
        if (loaded > 0) {
            log.info("{} recent transaction decisions loaded from {}", loaded, opTopic);
        }
        return loaded;
    }

    private static MessageExt halfAt(MessageStore store, MessageExt op) {
        if (!HalfMessages.OP_TAG.equals(op.getTags()) || op.getBody() == null) {
            return null;
        }
        long halfOffset;
        try {
            halfOffset = Long.parseLong(new String(op.getBody(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
        GetMessageResult half = store.getMessage(GROUP, SystemTopics.TRANS_HALF_TOPIC, 0, halfOffset, 1, 0,
            MessageFilter.ALL);
        if (half.status() != GetMessageStatus.FOUND || half.messageCount() == 0
            || half.queueOffsets().get(0) != halfOffset) {
            return null;
        }
        return MessageDecoder.decode(half.messages().get(0).duplicate(), true, false);
    }
}
