package org.rocketmqhm.core.broker.processor;

import io.netty.buffer.Unpooled;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.QueryMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.QueryMessageResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.QueryMessageResult;

import java.nio.ByteBuffer;

/**
 * Serves QUERY_MESSAGE (12): messages of a topic by key ({@code KEYS} token or unique id) within a time range,
 * from the message index, as stored records sent without copying; and DELETE_EXPIRED_COMMITLOG (329). The index
 * matches by key hash, so clients filter the records by key (as Apache's do). Thread-safe.
 *
 * @since 0.1.0
 */
public final class QueryMessageProcessor implements RequestProcessor {

    /** Extra ext field: the key is a unique id, so the broker uses its default maximum. */
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    private final MessageStore store;
    private final int defaultQueryMaxNum;

    public QueryMessageProcessor(MessageStore store, int defaultQueryMaxNum) {
        this.store = store;
        this.defaultQueryMaxNum = defaultQueryMaxNum;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        if (request.getCode() == RequestCode.DELETE_EXPIRED_COMMITLOG) {
            store.deleteExpiredFiles();
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        QueryMessageRequestHeader header = request.decodeHeader(QueryMessageRequestHeader.class);
        int maxNum = Boolean.parseBoolean(request.ext(UNIQUE_KEY_QUERY)) ? defaultQueryMaxNum : header.maxNum();
        QueryMessageResult result = store.queryMessage(header.topic(), header.key(), maxNum,
            header.beginTimestamp(), header.endTimestamp());
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
            .writeHeader(new QueryMessageResponseHeader(result.indexLastUpdateTimestamp(),
                result.indexLastUpdatePhyoffset()));
        if (result.messageCount() == 0) {
            return response.setCode(ResponseCode.QUERY_NOT_FOUND)
                .setRemark("can not find message, maybe time range not correct");
        }
        return response.setBodyBuf(Unpooled.wrappedBuffer(result.messages().toArray(ByteBuffer[]::new)));
    }
}
