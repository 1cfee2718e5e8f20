package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.QueueLockManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.LockBatchResponseBody;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.QueueLockBody;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

import java.util.Set;

/**
 * LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) for ordered consumption. Thread-safe.
 *
 * @since 0.1.0
 */
public final class QueueLockProcessor implements RequestProcessor {

    private final QueueLockManager locks;

    public QueueLockProcessor(QueueLockManager locks) {
        this.locks = locks;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        QueueLockBody body = ClientManageProcessor.decode(request.getBody(), QueueLockBody.class);
        Set<MessageQueue> queues = body.mqSet() == null ? Set.of() : body.mqSet();
        if (request.getCode() == RequestCode.LOCK_BATCH_MQ) {
            Set<MessageQueue> granted = locks.lock(body.consumerGroup(), queues, body.clientId());
            return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new LockBatchResponseBody(granted)));
        }
        locks.unlock(body.consumerGroup(), queues, body.clientId());
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }
}
