package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.ConsumeQueueData;
import org.rocketmqhm.core.protocol.body.QueryConsumeQueueResponseBody;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.rocketmqhm.core.protocol.header.QueryConsumeQueueRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.ConsumeQueueUnit;
import org.rocketmqhm.core.store.MessageStore;

import java.util.ArrayList;
import java.util.List;

/**
 * QUERY_CONSUME_QUEUE (321): up to {@code count} consume-queue units of one queue from {@code index} (within the
 * queue file holding it), with the queue's bounds and, when a group is named, its online subscription. An unknown
 * queue answers SYSTEM_ERROR {@code <queueId>@<topic> is not exist!}; an index outside the queue answers SUCCESS
 * with no units and the remark {@code Index <index> of <queueId>@<topic> is not exist!} (the body is kept, so
 * that tools can still print the bounds). Thread-safe.
 *
 * @since 0.3.0
 */
public final class ConsumeQueueInspectProcessor implements RequestProcessor {

    private final MessageStore store;
    private final ConsumerRegistry consumers;

    public ConsumeQueueInspectProcessor(MessageStore store, ConsumerRegistry consumers) {
        this.store = store;
        this.consumers = consumers;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        if (request.getCode() != RequestCode.QUERY_CONSUME_QUEUE) {
            throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        }
        QueryConsumeQueueRequestHeader h = request.decodeHeader(QueryConsumeQueueRequestHeader.class);
        List<ConsumeQueueUnit> units = store.readConsumeQueue(h.topic(), h.queueId(), h.index(), h.count());
        if (units == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                String.format("%d@%s is not exist!", h.queueId(), h.topic()));
        }
        SubscriptionData subscription = null;
        String filterData = null;
        if (h.consumerGroup() != null) {
            subscription = consumers.subscription(h.consumerGroup(), h.topic());
            if (subscription == null) {
                filterData = String.format("%s@%s is not online!", h.consumerGroup(), h.topic());
            }
        }
        List<ConsumeQueueData> data = new ArrayList<>(units.size());
        for (ConsumeQueueUnit u : units) {
            data.add(new ConsumeQueueData(u.physicOffset(), u.physicSize(), u.tagsCode(), null, null, false, null));
        }
        QueryConsumeQueueResponseBody body = new QueryConsumeQueueResponseBody(subscription, filterData, data,
            store.getMaxOffsetInQueue(h.topic(), h.queueId()), store.getMinOffsetInQueue(h.topic(), h.queueId()));
        String remark = units.isEmpty() && h.count() > 0
            ? String.format("Index %d of %d@%s is not exist!", h.index(), h.queueId(), h.topic()) : null;
        return RemotingCommand.response(ResponseCode.SUCCESS, remark).setBody(RemotingJson.encode(body));
    }
}
