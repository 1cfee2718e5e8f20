package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.ConsumerGroupInfo;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.ConsumerIdList;
import org.rocketmqhm.core.protocol.header.ConsumerGroupRequestHeader;
import org.rocketmqhm.core.protocol.header.OffsetResponseHeader;
import org.rocketmqhm.core.protocol.header.QueryConsumerOffsetRequestHeader;
import org.rocketmqhm.core.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;

/**
 * QUERY_CONSUMER_OFFSET (14), UPDATE_CONSUMER_OFFSET (15) and GET_CONSUMER_LIST_BY_GROUP (38). A group without a
 * committed offset gets {@code SUCCESS 0} while the queue still starts at 0, else {@code QUERY_NOT_FOUND} (the
 * section 2.3 rule without the in-memory check). Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerManageProcessor implements RequestProcessor {

    private final ConsumerOffsetManager offsets;
    private final ConsumerRegistry consumers;
    private final MessageStore store;

    public ConsumerManageProcessor(ConsumerOffsetManager offsets, ConsumerRegistry consumers, MessageStore store) {
        this.offsets = offsets;
        this.consumers = consumers;
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.QUERY_CONSUMER_OFFSET -> query(request);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> update(request);
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand query(RemotingCommand request) throws RemotingCommandException {
        QueryConsumerOffsetRequestHeader header = request.decodeHeader(QueryConsumerOffsetRequestHeader.class);
        long offset = offsets.query(header.consumerGroup(), header.topic(), header.queueId());
        if (offset < 0) {
            long min = store.getMinOffsetInQueue(header.topic(), header.queueId());
            if (min > 0) {
                return RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND,
                    "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
            }
            offset = 0;
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null).writeHeader(new OffsetResponseHeader(offset));
    }

    private RemotingCommand update(RemotingCommand request) throws RemotingCommandException {
        UpdateConsumerOffsetRequestHeader header = request.decodeHeader(UpdateConsumerOffsetRequestHeader.class);
        offsets.commit(header.consumerGroup(), header.topic(), header.queueId(), header.commitOffset());
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand consumerList(RemotingCommand request) throws RemotingCommandException {
        ConsumerGroupRequestHeader header = request.decodeHeader(ConsumerGroupRequestHeader.class);
        ConsumerGroupInfo group = consumers.group(header.consumerGroup());
        if (group == null || group.isEmpty()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "no consumer for this group, " + header.consumerGroup());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
            .setBody(RemotingJson.encode(new ConsumerIdList(group.clientIds())));
    }
}
