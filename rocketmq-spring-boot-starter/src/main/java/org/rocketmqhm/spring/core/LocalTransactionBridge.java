package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.producer.LocalTransactionState;
import org.rocketmqhm.core.client.producer.TransactionListener;
import org.rocketmqhm.core.client.producer.TransactionProducer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.support.RocketMQHeaders;
import org.rocketmqhm.spring.support.RocketMQMessages;
import org.springframework.messaging.support.MessageBuilder;

import java.util.Objects;

/**
 * Connects a template's {@link TransactionProducer} to the {@link RocketMQLocalTransactionListener} bound later by
 * {@code @RocketMQTransactionListener}: the producer is created with this bridge as its listener, and the bridge
 * forwards to the Spring listener once bound. Local transactions see the original Spring message; check-backs see
 * the stored message as {@code Message<byte[]>} with its properties as headers. Thread-safe.
 *
 * @since 0.1.0
 */
public final class LocalTransactionBridge implements TransactionListener, TransactionSupport {

    private volatile RocketMQLocalTransactionListener listener;
    private volatile TransactionProducer producer;

    /** @param producer the transactional producer that uses this bridge as its listener */
    public void setProducer(TransactionProducer producer) {
        this.producer = producer;
    }

    /**
     * @param listener the Spring listener
     * @throws IllegalStateException when another listener is already bound
     */
    public synchronized void bind(RocketMQLocalTransactionListener listener) {
        if (this.listener != null && this.listener != listener) {
            throw new IllegalStateException("a RocketMQTemplate accepts one @RocketMQTransactionListener; "
                + this.listener.getClass().getName() + " is already bound");
        }
        this.listener = Objects.requireNonNull(listener);
    }

    /** @return whether a listener is bound */
    public boolean isBound() {
        return listener != null;
    }

    @Override
    public TransactionSendResult send(Message message, org.springframework.messaging.Message<?> springMessage,
                                      Object arg) {
        if (listener == null || producer == null) {
            throw new IllegalStateException("no @RocketMQTransactionListener is bound to this RocketMQTemplate");
        }
        TransactionProducer.TransactionSendResult result = producer.sendInTransaction(message,
            new Invocation(springMessage, arg));
        return new TransactionSendResult(result.sendResult(), fromClient(result.localState()));
    }

    @Override
    public void shutdown() {
        // the producer is shut down by the template
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Invocation invocation = (Invocation) arg;
        org.springframework.messaging.Message<?> withId = MessageBuilder.fromMessage(invocation.message())
            .setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.TRANSACTION_ID), message.getUniqKey()).build();
        return toClient(listener.executeLocalTransaction(withId, invocation.arg()));
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        RocketMQLocalTransactionListener current = listener;
        if (current == null) {
            return LocalTransactionState.UNKNOW;
        }
        return toClient(current.checkLocalTransaction(RocketMQMessages.toSpringMessage(message, message.getBody())));
    }

    private static LocalTransactionState toClient(RocketMQLocalTransactionState state) {
        if (state == null) {
            return LocalTransactionState.UNKNOW;
        }
        return switch (state) {
            case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
            case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
            case UNKNOWN -> LocalTransactionState.UNKNOW;
        };
    }

    private static RocketMQLocalTransactionState fromClient(LocalTransactionState state) {
        return switch (state) {
            case COMMIT_MESSAGE -> RocketMQLocalTransactionState.COMMIT;
            case ROLLBACK_MESSAGE -> RocketMQLocalTransactionState.ROLLBACK;
            case UNKNOW -> RocketMQLocalTransactionState.UNKNOWN;
        };
    }

    /** The caller's Spring message and argument, carried through the producer's {@code arg}. */
    private record Invocation(org.springframework.messaging.Message<?> message, Object arg) {
    }
}
