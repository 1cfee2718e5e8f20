package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.broker.transaction.HalfMessages;
import org.rocketmqhm.core.broker.transaction.TransactionOutcomes;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.header.EndTransactionRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.PutResult;
import org.rocketmqhm.core.store.StoreMessage;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * END_TRANSACTION (37), section 5.9: for commit (8) and rollback (12) the half message at {@code commitLogOffset}
 * is verified against the header (producer group = PGROUP, queue offset, commit-log offset; the remarks of section
 * 2.2 otherwise). Commit stores the final message through {@link PutTimeRewriter} (so a DELAY still applies) and
 * then an op record; rollback only writes the op record. Unknown (0) is ignored without a response. Answers from
 * the put futures. Idempotent per transaction ({@link TransactionOutcomes}): when another copy of the same
 * transaction (same PGROUP and UNIQ_KEY) was already committed or rolled back, only the op record of this copy is
 * written, so a late or repeated answer never delivers the message a second time. Thread-safe.
 *
 * @since 0.1.0
 */
public final class EndTransactionProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final MessageStore store;
    private final TopicConfigManager topics;
    private final PutTimeRewriter rewriter;
    private final BrokerRole role;
    private final TransactionOutcomes outcomes;

    public EndTransactionProcessor(MessageStore store, TopicConfigManager topics, PutTimeRewriter rewriter,
                                   BrokerRole role, TransactionOutcomes outcomes) {
        this.store = store;
        this.topics = topics;
        this.rewriter = rewriter;
        this.role = role;
        this.outcomes = outcomes;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        EndTransactionRequestHeader header = request.decodeHeader(EndTransactionRequestHeader.class);
        if (role == BrokerRole.SLAVE) {
            return RemotingCommand.response(ResponseCode.SLAVE_NOT_AVAILABLE,
                "Can't commit or rollback transaction message in slave broker.");
        }
        int decision = header.commitOrRollback();
        if (decision != MessageSysFlag.TRANSACTION_COMMIT_TYPE
            && decision != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            return null;
        }
        MessageExt half = store.lookMessageByOffset(header.commitLogOffset());
        if (half == null || !SystemTopics.TRANS_HALF_TOPIC.equals(half.getTopic())) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "Find prepared transaction message failed");
        }
        if (!header.producerGroup().equals(half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP))) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "The producer group wrong");
        }
        if (half.getQueueOffset() != header.tranStateTableOffset()) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "The transaction state table offset wrong");
        }
        if (half.getCommitLogOffset() != header.commitLogOffset()) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "The commit log offset wrong");
        }
        log.debug("{} of transactional message {} (from check: {})",
            decision == MessageSysFlag.TRANSACTION_COMMIT_TYPE ? "commit" : "rollback", header.msgId(),
            header.fromTransactionCheck());
        CompletableFuture<PutResult> done;
        if (!outcomes.decide(half, decision)) {
            log.info("transaction {} already decided; {} of copy at half offset {} only marks it done",
                header.msgId(), decision == MessageSysFlag.TRANSACTION_COMMIT_TYPE ? "commit" : "rollback",
                half.getQueueOffset());
            done = writeOp(half);
        } else if (decision == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            StoreMessage committed = HalfMessages.committed(half);
            rewriter.rewrite(committed);
            done = store.putMessage(committed).whenComplete((put, error) -> {
                if (error != null || !put.isOk()) {
                    outcomes.undo(half, decision); // nothing delivered: a later END_TRANSACTION may still commit
                }
            }).thenCompose(put -> put.isOk() ? writeOp(half) : completed(put));
        } else {
            done = writeOp(half);
        }
        done.whenComplete((put, error) -> context.writeResponse(error != null
            ? RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "store put failed: " + error)
            : put.isOk() ? RemotingCommand.response(ResponseCode.SUCCESS, null)
            : RemotingCommand.response(ResponseCode.SYSTEM_ERROR, put.status().name())));
        return null;
    }

    private CompletableFuture<PutResult> writeOp(MessageExt half) {
        topics.createIfAbsent(SystemTopics.TRANS_OP_HALF_TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE);
        return store.putMessage(HalfMessages.opRecord(half.getQueueOffset(), half));
    }

    private static CompletableFuture<PutResult> completed(PutResult put) {
        return CompletableFuture.completedFuture(put);
    }
}
