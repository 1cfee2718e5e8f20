package org.rocketmqhm.core.client.producer;

import org.rocketmqhm.core.client.ClientConfig;
import org.rocketmqhm.core.client.impl.ProducerMember;
import org.rocketmqhm.core.client.impl.TopicRoute;
import org.rocketmqhm.core.client.trace.TraceDispatcher;
import org.rocketmqhm.core.client.trace.TraceEncoder;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageIds;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.header.CheckTransactionStateRequestHeader;
import org.rocketmqhm.core.protocol.header.EndTransactionRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A producer of transactional messages (§5.9): sends a half message, runs the {@link TransactionListener}'s local
 * transaction, then sends END_TRANSACTION (oneway) with commit, rollback or unknown. Broker check-backs are answered
 * on this producer's own executor with {@code fromTransactionCheck=true}. Thread-safe once started.
 *
 * @since 0.1.0
 */
public class TransactionProducer extends Producer {

    private static final Logger log = LoggerFactory.getLogger(TransactionProducer.class);

    private final TransactionListener listener;
    private volatile ExecutorService checkExecutor;

    public TransactionProducer(String producerGroup, TransactionListener listener) {
        super(producerGroup);
        this.listener = listener;
    }

    public TransactionProducer(String producerGroup, ClientConfig config, TransactionListener listener) {
        super(producerGroup, config);
        this.listener = listener;
    }

    @Override
    public synchronized void start() {
        if (checkExecutor == null) {
            checkExecutor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "rocketmq-transaction-check");
                t.setDaemon(true);
                return t;
            });
        }
        super.start();
    }

    @Override
    public synchronized void shutdown() {
        super.shutdown();
        if (checkExecutor != null) {
            checkExecutor.shutdownNow();
            checkExecutor = null;
        }
    }

    @Override
    protected ProducerMember member() {
        return new ProducerMember() {
            @Override
            public String producerGroup() {
                return wireGroup();
            }

            @Override
            public void checkTransactionState(String brokerAddress, MessageExt message,
                                              CheckTransactionStateRequestHeader header) {
                checkExecutor.execute(() -> answerCheck(brokerAddress, message, header));
            }
        };
    }

    /**
     * Sends a half message, runs the local transaction and reports its outcome to the broker.
     *
     * @return the half message's send result and the local state
     */
    public TransactionSendResult sendInTransaction(Message message, Object arg) {
        message.clearProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        message.putProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        message.putProperty(MessageConst.PROPERTY_PRODUCER_GROUP, wireGroup());
        SendResult half = send(message);
        LocalTransactionState state;
        Throwable failure = null;
        try {
            state = listener.executeLocalTransaction(message, arg);
            if (state == null) {
                state = LocalTransactionState.UNKNOW;
            }
        } catch (RuntimeException e) {
            state = LocalTransactionState.UNKNOW;
            failure = e;
        }
        TopicRoute route = started().routeOrNull(withNamespace(half.messageQueue().topic()));
        String address = route == null ? null : route.masterAddress(half.messageQueue().brokerName());
        if (address == null) {
            var store = MessageIds.decodeOffsetMsgId(half.offsetMsgId()).address();
            address = store.getAddress().getHostAddress() + ":" + store.getPort();
        }
        endTransaction(address, half.msgId(), half.transactionId(),
            MessageIds.decodeOffsetMsgId(half.offsetMsgId()).commitLogOffset(), half.queueOffset(), state, false,
            failure == null ? null : failure.toString());
        traceEnd(message, address, half.msgId(), half.transactionId(), state, false);
        return new TransactionSendResult(half, state);
    }

    private void answerCheck(String brokerAddress, MessageExt message, CheckTransactionStateRequestHeader header) {
        LocalTransactionState state;
        String remark = null;
        try {
            message.setTopic(withoutNamespace(message.getTopic()));
            state = listener.checkLocalTransaction(message);
            if (state == null) {
                state = LocalTransactionState.UNKNOW;
            }
        } catch (RuntimeException e) {
            state = LocalTransactionState.UNKNOW;
            remark = e.toString();
            log.warn("transaction check of {} failed", message.getMsgId(), e);
        }
        String uniq = message.getUniqKey() != null ? message.getUniqKey() : header.msgId();
        endTransaction(brokerAddress, uniq, header.transactionId(), header.commitLogOffset(),
            header.tranStateTableOffset(), state, true, remark);
        traceEnd(message, brokerAddress, uniq, header.transactionId(), state, true);
    }

    /** Records an EndTransaction trace (Apache's layout, see {@link TraceEncoder}); never throws. */
    private void traceEnd(Message message, String address, String msgId, String transactionId,
                          LocalTransactionState state, boolean fromCheck) {
        TraceDispatcher tracer = traceDispatcher();
        if (tracer == null) {
            return;
        }
        try {
            String region = message.getProperty(MessageConst.PROPERTY_MSG_REGION);
            tracer.append(TraceEncoder.endTransaction(System.currentTimeMillis(),
                region == null || region.isEmpty() ? TraceEncoder.DEFAULT_REGION : region, getProducerGroup(),
                withoutNamespace(message.getTopic()), msgId, message.getTags(), message.getKeys(), address,
                transactionId, state.name(), fromCheck), msgId, message.getKeys());
        } catch (RuntimeException e) {
            // tracing never fails the transaction
        }
    }

    private void endTransaction(String address, String msgId, String transactionId, long commitLogOffset,
                                long tranStateTableOffset, LocalTransactionState state, boolean fromCheck,
                                String remark) {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader(wireGroup(), tranStateTableOffset,
            commitLogOffset, state.wireValue(), fromCheck, msgId, transactionId, null);
        RemotingCommand request = RemotingCommand.request(RequestCode.END_TRANSACTION, header);
        request.setRemark(remark);
        started().invokeOneway(address, request);
    }

    /**
     * Result of {@link #sendInTransaction}.
     *
     * @param sendResult the half message's send result
     * @param localState what the local transaction answered
     */
    public record TransactionSendResult(SendResult sendResult, LocalTransactionState localState) {
    }
}
