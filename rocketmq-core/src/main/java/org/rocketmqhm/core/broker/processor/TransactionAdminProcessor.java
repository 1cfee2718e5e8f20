package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.transaction.HalfMessages;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageIds;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.header.ResumeCheckHalfMessageRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transaction administration: RESUME_CHECK_HALF_MESSAGE (323). The half message named by its offset message id
 * is appended again to {@code RMQ_SYS_TRANS_HALF_TOPIC} with its check count reset to 0, so the check service
 * asks its producer again even after it was given up. Only half messages are accepted (Apache's broker would
 * re-append any message to its own topic). Answers from the put future. Thread-safe.
 *
 * @since 0.3.0
 */
public final class TransactionAdminProcessor implements RequestProcessor {

    static final String PUT_FAILED = "Put message back to RMQ_SYS_TRANS_HALF_TOPIC failed.";

    private static final Logger log = LoggerFactory.getLogger(TransactionAdminProcessor.class);

    private final MessageStore store;

    public TransactionAdminProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        if (request.getCode() != RequestCode.RESUME_CHECK_HALF_MESSAGE) {
            throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        }
        ResumeCheckHalfMessageRequestHeader h = request.decodeHeader(ResumeCheckHalfMessageRequestHeader.class);
        long offset;
        try {
            offset = MessageIds.decodeOffsetMsgId(h.msgId()).commitLogOffset();
        } catch (IllegalArgumentException e) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "the msgId <" + h.msgId() + "> is not an offset message id");
        }
        MessageExt half = store.lookMessageByOffset(offset);
        if (half == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "can not find message by the offset, " + offset);
        }
        if (!SystemTopics.TRANS_HALF_TOPIC.equals(half.getTopic())) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "the message " + h.msgId()
                + " is not a half message (its topic is " + half.getTopic() + ")");
        }
        store.putMessage(HalfMessages.resumed(half)).whenComplete((put, error) -> {
            if (error == null && put.isOk()) {
                log.info("half message {} put back for checking", h.msgId());
                context.writeResponse(RemotingCommand.response(ResponseCode.SUCCESS, null));
            } else {
                log.warn("put back of half message {} failed: {}", h.msgId(), error != null ? error : put.status());
                context.writeResponse(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, PUT_FAILED));
            }
        });
        return null;
    }
}
