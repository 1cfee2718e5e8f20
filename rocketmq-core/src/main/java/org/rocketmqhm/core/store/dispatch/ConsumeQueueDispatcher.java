package org.rocketmqhm.core.store.dispatch;

import java.util.List;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.store.MessageArrivalListener;
import org.rocketmqhm.core.store.queue.ConsumeQueue;
import org.rocketmqhm.core.store.queue.ConsumeQueueStore;

/**
 * Writes a consume-queue unit for every non-transactional or committed record (prepared and rolled-back records
 * are skipped), then tells the arrival listeners.
 *
 * @since 0.1.0
 */
public final class ConsumeQueueDispatcher implements CommitLogDispatcher {

    private final ConsumeQueueStore queues;
    private final List<MessageArrivalListener> listeners;

    /** @param queues consume queues @param listeners live list of listeners */
    public ConsumeQueueDispatcher(ConsumeQueueStore queues, List<MessageArrivalListener> listeners) {
        this.queues = queues;
        this.listeners = listeners;
    }

    @Override
    public void dispatch(DispatchRequest r) {
        int tx = MessageSysFlag.getTransactionValue(r.sysFlag());
        if (tx == MessageSysFlag.TRANSACTION_PREPARED_TYPE || tx == MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return;
        }
        ConsumeQueue cq = queues.findOrCreate(r.topic(), r.queueId());
        cq.putUnit(r.queueOffset(), r.commitLogOffset(), r.size(), r.tagsCode());
        for (MessageArrivalListener l : listeners) {
            l.arriving(r.topic(), r.queueId(), r.queueOffset() + 1, r.tagsCode(), r.storeTimestamp(),
                    r.properties());
        }
    }
}
