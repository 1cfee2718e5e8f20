package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.producer.MessageQueueSelector;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendCallback;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.support.Namespaces;
import org.rocketmqhm.spring.support.RocketMQDestination;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.rocketmqhm.spring.support.RocketMQMessages;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.core.AbstractMessageSendingTemplate;
import org.springframework.messaging.support.MessageBuilder;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages through a {@link Producer}: destinations are {@code topic} or {@code topic:tag}; payloads are
 * converted by {@link RocketMQMessageConverter} ({@code String}, {@code byte[]}, JSON for anything else) and headers
 * mapped as described in {@link RocketMQMessages}. Failures surface as {@link MessagingException}. The producer is
 * started by {@link #afterPropertiesSet()} and shut down by {@link #destroy()}. Thread-safe once started.
 *
 * <p>Size note: the class is above the 400-line budget because it mirrors the overload set of Apache's template
 * (users migrate by changing imports); every overload delegates to a handful of private paths, and conversion,
 * destination parsing and transactions live in {@link RocketMQMessages}, {@link RocketMQDestination} and
 * {@link TransactionSupport}.
 *
 * <pre>{@code
 * SendResult r = template.syncSend("orders:created", new Order("o-1"));
 * template.asyncSend("orders", order).thenAccept(...);
 * template.syncSendOrderly("orders", order, order.customerId());
 * Reply reply = template.sendAndReceive("requests", request, Reply.class);
 * }</pre>
 *
 * @since 0.1.0
 */
public class RocketMQTemplate extends AbstractMessageSendingTemplate<String> implements InitializingBean, DisposableBean {

    private Producer producer;
    private RocketMQMessageConverter converter = new RocketMQMessageConverter();
    private MessageQueueSelector messageQueueSelector = MessageQueueSelector.byHash();
    private SendObserver sendObserver = SendObserver.NONE;
    private String namespace;
    private TransactionSupport transactionSupport;
    private ReceiveSupport receiveSupport;
    private volatile boolean running;

    // ---- configuration

    public Producer getProducer() {
        return producer;
    }

    /** @param producer the producer to send with; started by {@link #afterPropertiesSet()} */
    public void setProducer(Producer producer) {
        this.producer = producer;
    }

    public RocketMQMessageConverter getConverter() {
        return converter;
    }

    /** @param converter payload converter, also installed as the Spring message converter */
    public void setConverter(RocketMQMessageConverter converter) {
        this.converter = Objects.requireNonNull(converter);
        setMessageConverter(converter.getMessageConverter());
    }

    /** @param selector how {@code *Orderly} methods map a hash key to a queue (default: hash modulo queue count) */
    public void setMessageQueueSelector(MessageQueueSelector selector) {
        this.messageQueueSelector = Objects.requireNonNull(selector);
    }

    /** @param sendObserver told about every send (metrics) */
    public void setSendObserver(SendObserver sendObserver) {
        this.sendObserver = Objects.requireNonNull(sendObserver);
    }

    /** @return the send observer (metrics) */
    public SendObserver getSendObserver() {
        return sendObserver;
    }

    /** @param namespace namespace applied to every topic, or null */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /** @param transactionSupport the transactional producer bound by {@code @RocketMQTransactionListener} */
    public void setTransactionSupport(TransactionSupport transactionSupport) {
        this.transactionSupport = transactionSupport;
    }

    /** @return the transactional producer, or null when no transaction listener is bound */
    public TransactionSupport getTransactionSupport() {
        return transactionSupport;
    }

    /** @param receiveSupport the pull consumer behind {@link #receive} */
    public void setReceiveSupport(ReceiveSupport receiveSupport) {
        this.receiveSupport = receiveSupport;
    }

    /** @return the pull consumer behind {@link #receive}, or null */
    public ReceiveSupport getReceiveSupport() {
        return receiveSupport;
    }

    @Override
    public void afterPropertiesSet() {
        if (producer != null) {
            producer.start();
        }
        if (receiveSupport != null) {
            receiveSupport.start();
        }
        running = producer != null || receiveSupport != null;
    }

    @Override
    public void destroy() {
        running = false;
        if (transactionSupport != null) {
            transactionSupport.shutdown();
        }
        if (receiveSupport != null) {
            receiveSupport.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
    }

    /** @return whether the producer (or, for a receive-only template, the pull consumer) is started and not shut down */
    public boolean isRunning() {
        return running;
    }

    // ---- AbstractMessageSendingTemplate

    @Override
    protected void doSend(String destination, Message<?> message) {
        syncSend(destination, message);
    }

    // ---- sync

    public SendResult syncSend(String destination, Message<?> message) {
        return syncSend(destination, message, timeoutMillis());
    }

    public SendResult syncSend(String destination, Message<?> message, long timeout) {
        return syncSend(destination, message, timeout, 0);
    }

    /**
     * @param destination {@code topic} or {@code topic:tag}
     * @param message the message
     * @param timeout send timeout in milliseconds
     * @param delayLevel delay level 1-18, 0 for none
     * @return the send result
     */
    public SendResult syncSend(String destination, Message<?> message, long timeout, int delayLevel) {
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        if (delayLevel > 0) {
            out.setDelayTimeLevel(delayLevel);
        }
        return observeSync(destination, () -> producer().send(out, timeout));
    }

    public SendResult syncSend(String destination, Object payload) {
        return syncSend(destination, payload, timeoutMillis());
    }

    public SendResult syncSend(String destination, Object payload, long timeout) {
        return syncSend(destination, toMessage(payload), timeout);
    }

    /** Sends with the smallest 4.x delay level of at least {@code delaySeconds} (see {@link DelayLevels}). */
    public SendResult syncSendDelayTimeSeconds(String destination, Object payload, long delaySeconds) {
        return syncSend(destination, toMessage(payload), timeoutMillis(),
            DelayLevels.levelFor(Duration.ofSeconds(delaySeconds)));
    }

    /** Sends with the smallest 4.x delay level of at least {@code delayMillis} (see {@link DelayLevels}). */
    public SendResult syncSendDelayTimeMills(String destination, Object payload, long delayMillis) {
        return syncSend(destination, toMessage(payload), timeoutMillis(),
            DelayLevels.levelFor(Duration.ofMillis(delayMillis)));
    }

    /** Sends a batch in one request; every message goes to the destination's topic. */
    public <T extends Message<?>> SendResult syncSend(String destination, Collection<T> messages) {
        return syncSend(destination, messages, timeoutMillis());
    }

    /** Sends a batch in one request; the timeout applies to the whole batch. */
    public <T extends Message<?>> SendResult syncSend(String destination, Collection<T> messages, long timeout) {
        List<org.rocketmqhm.core.common.message.Message> batch = new ArrayList<>(messages.size());
        for (Message<?> m : messages) {
            batch.add(toClient(destination, m));
        }
        return observeSync(destination, () -> producer().send(batch));
    }

    // ---- orderly

    public SendResult syncSendOrderly(String destination, Message<?> message, String hashKey) {
        return syncSendOrderly(destination, message, hashKey, timeoutMillis());
    }

    /** Sends to the queue selected by {@code hashKey}, so that messages with equal keys stay in order. */
    public SendResult syncSendOrderly(String destination, Message<?> message, String hashKey, long timeout) {
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        return observeSync(destination, () -> producer().send(out, messageQueueSelector, hashKey));
    }

    public SendResult syncSendOrderly(String destination, Object payload, String hashKey) {
        return syncSendOrderly(destination, toMessage(payload), hashKey);
    }

    public void asyncSendOrderly(String destination, Message<?> message, String hashKey, SendCallback callback) {
        asyncSendOrderly(destination, message, hashKey, callback, timeoutMillis());
    }

    /** Ordered asynchronous send; the callback runs on a client thread. */
    public void asyncSendOrderly(String destination, Message<?> message, String hashKey, SendCallback callback,
                                 long timeout) {
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        long start = System.nanoTime();
        CompletableFuture.supplyAsync(() -> producer().send(out, messageQueueSelector, hashKey))
            .whenComplete((r, e) -> complete(destination, start, r, e, callback));
    }

    public void asyncSendOrderly(String destination, Object payload, String hashKey, SendCallback callback) {
        asyncSendOrderly(destination, toMessage(payload), hashKey, callback);
    }

    /** Ordered one-way send: sent synchronously to the selected queue, result ignored. */
    public void sendOneWayOrderly(String destination, Message<?> message, String hashKey) {
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        observeSync(destination, () -> producer().send(out, messageQueueSelector, hashKey));
    }

    public void sendOneWayOrderly(String destination, Object payload, String hashKey) {
        sendOneWayOrderly(destination, toMessage(payload), hashKey);
    }

    // ---- async

    public void asyncSend(String destination, Message<?> message, SendCallback callback) {
        asyncSend(destination, message, callback, timeoutMillis());
    }

    public void asyncSend(String destination, Message<?> message, SendCallback callback, long timeout) {
        asyncSend(destination, message, callback, timeout, 0);
    }

    /** Asynchronous send reporting to {@code callback} on a client thread. */
    public void asyncSend(String destination, Message<?> message, SendCallback callback, long timeout, int delayLevel) {
        asyncSend(destination, message, timeout, delayLevel).whenComplete((r, e) -> callback(r, e, callback));
    }

    public void asyncSend(String destination, Object payload, SendCallback callback) {
        asyncSend(destination, toMessage(payload), callback);
    }

    public void asyncSend(String destination, Object payload, SendCallback callback, long timeout) {
        asyncSend(destination, toMessage(payload), callback, timeout);
    }

    /** @return a future completed with the send result */
    public CompletableFuture<SendResult> asyncSend(String destination, Object payload) {
        return asyncSend(destination, toMessage(payload), timeoutMillis(), 0);
    }

    /** @return a future completed with the send result */
    public CompletableFuture<SendResult> asyncSend(String destination, Message<?> message, long timeout,
                                                   int delayLevel) {
        long start = System.nanoTime();
        CompletableFuture<SendResult> result;
        try {
            org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
            if (delayLevel > 0) {
                out.setDelayTimeLevel(delayLevel);
            }
            result = producer().sendAsync(out, timeout);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((r, e) -> {
            Throwable cause = unwrap(e);
            sendObserver.onSend(topicOf(destination), System.nanoTime() - start, cause);
            if (cause != null) {
                throw failure(destination, cause);
            }
            return r;
        });
    }

    /** Sends a batch asynchronously, reporting to {@code callback}. */
    public <T extends Message<?>> void asyncSend(String destination, Collection<T> messages, SendCallback callback,
                                                 long timeout) {
        CompletableFuture.supplyAsync(() -> syncSend(destination, messages, timeout))
            .whenComplete((r, e) -> callback(r, e, callback));
    }

    // ---- one way

    /** Writes the message without waiting for the broker; no retry, no result. */
    public void sendOneWay(String destination, Message<?> message) {
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        observeSync(destination, () -> {
            producer().sendOneway(out);
            return null;
        });
    }

    public void sendOneWay(String destination, Object payload) {
        sendOneWay(destination, toMessage(payload));
    }

    // ---- request / reply

    /**
     * Sends a request and waits for the reply of a {@code RocketMQReplyListener}.
     *
     * @param type reply type ({@code String}, {@code byte[]}, POJO or generic type)
     * @return the converted reply
     */
    public <T> T sendAndReceive(String destination, Object payload, Type type) {
        return sendAndReceive(destination, toMessage(payload), type, timeoutMillis());
    }

    public <T> T sendAndReceive(String destination, Message<?> message, Type type) {
        return sendAndReceive(destination, message, type, timeoutMillis());
    }

    public <T> T sendAndReceive(String destination, Message<?> message, Type type, long timeout) {
        return sendAndReceive(destination, message, type, timeout, 0);
    }

    @SuppressWarnings("unchecked")
    public <T> T sendAndReceive(String destination, Message<?> message, Type type, long timeout, int delayLevel) {
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        if (delayLevel > 0) {
            out.setDelayTimeLevel(delayLevel);
        }
        MessageExt reply = observeSync(destination, () -> producer().request(out, timeout));
        return (T) converter.fromBytes(reply.getBody(), type);
    }

    /** Sends a request asynchronously; the callback receives the converted reply. */
    public <T> void sendAndReceive(String destination, Object payload, Type type,
                                   RocketMQLocalRequestCallback<T> callback, long timeout) {
        this.<T>sendAndReceiveAsync(destination, toMessage(payload), type, timeout).whenComplete((r, e) -> {
            if (e != null) {
                callback.onException(unwrap(e));
            } else {
                callback.onSuccess(r);
            }
        });
    }

    /** @return a future completed with the converted reply */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Message<?> message, Type type,
                                                        long timeout) {
        long start = System.nanoTime();
        CompletableFuture<MessageExt> reply;
        try {
            reply = producer().requestAsync(toClient(destination, message), timeout);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.handle((r, e) -> {
            Throwable cause = unwrap(e);
            sendObserver.onSend(topicOf(destination), System.nanoTime() - start, cause);
            if (cause != null) {
                throw failure(destination, cause);
            }
            return (T) converter.fromBytes(r.getBody(), type);
        });
    }

    // ---- transactions and receive

    /**
     * Sends a half message, runs the bound {@link RocketMQLocalTransactionListener} and commits or rolls back.
     *
     * @param destination {@code topic} or {@code topic:tag}
     * @param message the message
     * @param arg passed to {@code executeLocalTransaction}
     * @return the send result of the half message, with the local transaction's state
     */
    public TransactionSendResult sendMessageInTransaction(String destination, Message<?> message, Object arg) {
        if (transactionSupport == null
            || transactionSupport instanceof LocalTransactionBridge bridge && !bridge.isBound()) {
            throw new IllegalStateException("no @RocketMQTransactionListener is bound to this RocketMQTemplate");
        }
        org.rocketmqhm.core.common.message.Message out = toClient(destination, message);
        return observeSync(destination, () -> transactionSupport.send(out, message, arg));
    }

    /** @return up to {@code pull-batch-size} messages of the pull consumer's topic, converted; empty on timeout */
    public <T> List<T> receive(Class<T> type) {
        return receive(type, -1);
    }

    /**
     * @param type payload type
     * @param timeout milliseconds to wait for messages; negative uses {@code rocketmq.pull-consumer.poll-timeout}
     * @return received messages, possibly empty
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> receive(Class<T> type, long timeout) {
        if (receiveSupport == null) {
            throw new IllegalStateException("receive needs rocketmq.pull-consumer.group and .topic"
                + " (or @ExtRocketMQConsumerConfiguration)");
        }
        List<MessageExt> messages = receiveSupport.poll(timeout);
        List<T> converted = new ArrayList<>(messages.size());
        for (MessageExt m : messages) {
            converted.add(type == MessageExt.class ? (T) m : (T) converter.fromBytes(m.getBody(), type));
        }
        return converted;
    }

    // ---- internals

    private long timeoutMillis() {
        return producer().getSendMsgTimeoutMillis();
    }

    private Producer producer() {
        if (producer == null) {
            throw new IllegalStateException("RocketMQTemplate has no producer");
        }
        return producer;
    }

    private Message<?> toMessage(Object payload) {
        if (payload instanceof Message<?> message) {
            return message;
        }
        return MessageBuilder.withPayload(payload).build();
    }

    private org.rocketmqhm.core.common.message.Message toClient(String destination, Message<?> message) {
        if (message == null || message.getPayload() == null) {
            throw new IllegalArgumentException("message and payload must not be null; destination " + destination);
        }
        RocketMQDestination parsed = RocketMQDestination.parse(destination);
        if (namespace != null && !namespace.isEmpty()) {
            parsed = new RocketMQDestination(Namespaces.wrap(namespace, parsed.topic()), parsed.tag());
        }
        try {
            return RocketMQMessages.toClientMessage(parsed, message, converter);
        } catch (RuntimeException e) {
            throw new MessagingException(message, "cannot convert message for " + destination, e);
        }
    }

    private <R> R observeSync(String destination, java.util.function.Supplier<R> send) {
        long start = System.nanoTime();
        try {
            R result = send.get();
            sendObserver.onSend(topicOf(destination), System.nanoTime() - start, null);
            return result;
        } catch (RuntimeException e) {
            sendObserver.onSend(topicOf(destination), System.nanoTime() - start, e);
            throw failure(destination, e);
        }
    }

    private void complete(String destination, long start, SendResult r, Throwable e, SendCallback callback) {
        Throwable cause = unwrap(e);
        sendObserver.onSend(topicOf(destination), System.nanoTime() - start, cause);
        callback(r, cause, callback);
    }

    private static void callback(SendResult r, Throwable e, SendCallback callback) {
        if (e != null) {
            callback.onException(unwrap(e));
        } else {
            callback.onSuccess(r);
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String topicOf(String destination) {
        int colon = destination.indexOf(':');
        return (colon < 0 ? destination : destination.substring(0, colon)).trim();
    }

    private static MessagingException failure(String destination, Throwable e) {
        if (e instanceof MessagingException m) {
            return m;
        }
        return new MessagingException("send to " + destination + " failed: " + e.getMessage(), e);
    }
}
