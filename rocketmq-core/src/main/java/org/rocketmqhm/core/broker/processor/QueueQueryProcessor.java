package org.rocketmqhm.core.broker.processor;

import io.netty.buffer.Unpooled;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.EarliestMsgStoretimeResponseHeader;
import org.rocketmqhm.core.protocol.header.OffsetResponseHeader;
import org.rocketmqhm.core.protocol.header.QueueRequestHeader;
import org.rocketmqhm.core.protocol.header.SearchOffsetRequestHeader;
import org.rocketmqhm.core.protocol.header.ViewMessageRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;

import java.nio.ByteBuffer;

/**
 * Queue bounds and single-message lookups: SEARCH_OFFSET_BY_TIMESTAMP (29), GET_MAX_OFFSET (30), GET_MIN_OFFSET
 * (31), GET_EARLIEST_MSG_STORETIME (32) and VIEW_MESSAGE_BY_ID (33, zero-copy body). Thread-safe.
 *
 * @since 0.1.0
 */
public final class QueueQueryProcessor implements RequestProcessor {

    private final MessageStore store;

    public QueueQueryProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        switch (request.getCode()) {
            case RequestCode.GET_MAX_OFFSET -> {
                QueueRequestHeader h = request.decodeHeader(QueueRequestHeader.class);
                return offset(store.getMaxOffsetInQueue(h.topic(), h.queueId()));
            }
            case RequestCode.GET_MIN_OFFSET -> {
                QueueRequestHeader h = request.decodeHeader(QueueRequestHeader.class);
                return offset(store.getMinOffsetInQueue(h.topic(), h.queueId()));
            }
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> {
                QueueRequestHeader h = request.decodeHeader(QueueRequestHeader.class);
                return RemotingCommand.response(ResponseCode.SUCCESS, null).writeHeader(
                    new EarliestMsgStoretimeResponseHeader(store.getEarliestMessageTime(h.topic(), h.queueId())));
            }
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> {
                SearchOffsetRequestHeader h = request.decodeHeader(SearchOffsetRequestHeader.class);
                return offset(store.getOffsetInQueueByTime(h.topic(), h.queueId(), h.timestamp()));
            }
            case RequestCode.VIEW_MESSAGE_BY_ID -> {
                ViewMessageRequestHeader h = request.decodeHeader(ViewMessageRequestHeader.class);
                ByteBuffer record = h.offset() < 0 ? null : store.selectOneMessageByOffset(h.offset());
                if (record == null) {
                    return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                        "can not find message by the offset, " + h.offset());
                }
                return RemotingCommand.response(ResponseCode.SUCCESS, null)
                    .setBodyBuf(Unpooled.wrappedBuffer(record));
            }
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        }
    }

    private static RemotingCommand offset(long offset) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).writeHeader(new OffsetResponseHeader(offset));
    }
}
