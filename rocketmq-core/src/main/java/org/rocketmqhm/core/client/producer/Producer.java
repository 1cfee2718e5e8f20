package org.rocketmqhm.core.client.producer;

import org.rocketmqhm.core.client.ClientConfig;
import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.ClientInstance;
import org.rocketmqhm.core.client.impl.ProducerMember;
import org.rocketmqhm.core.client.impl.TopicRoute;
import org.rocketmqhm.core.client.trace.TraceDispatcher;
import org.rocketmqhm.core.client.trace.TracedClientConfig;
import org.rocketmqhm.core.client.trace.TraceEncoder;
import org.rocketmqhm.core.common.message.BatchMessageCodec;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageCompression;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageIds;
import org.rocketmqhm.core.common.message.MessageProperties;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeaderV2;
import org.rocketmqhm.core.protocol.header.SendMessageResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends messages: sync, async ({@link CompletableFuture} or {@link SendCallback}), oneway, ordered (with a
 * {@link MessageQueueSelector}), batches, and request-reply. Picks queues round robin and, on a retryable failure,
 * retries on another broker ({@link #setRetryTimesWhenSendFailed}); topics unknown to the name server are routed
 * through the auto-create template {@code TBW102}. Bodies over {@link #setCompressMsgBodyOverHowmuch} bytes are
 * zlib-compressed. Thread-safe once started.
 *
 * <pre>{@code
 * Producer producer = new Producer("my-group");
 * producer.setNamesrvAddr("127.0.0.1:9876");
 * producer.start();
 * SendResult result = producer.send(new Message("orders", "created", "order-1", body));
 * }</pre>
 *
 * @since 0.1.0
 */
public class Producer extends TracedClientConfig {

    private static final Set<Integer> RETRYABLE = Set.of(ResponseCode.TOPIC_NOT_EXIST,
        ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.SYSTEM_ERROR, ResponseCode.NO_PERMISSION,
        ResponseCode.NO_BUYER_ID, ResponseCode.NOT_IN_CURRENT_UNIT);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String producerGroup;
    private long sendMsgTimeoutMillis = 3000;
    private int retryTimesWhenSendFailed = 2;
    private int retryTimesWhenSendAsyncFailed = 2;
    private int compressMsgBodyOverHowmuch = 4096;
    private int maxMessageSize = 4 * 1024 * 1024;
    private int defaultTopicQueueNums = 4;
    private final AtomicInteger queueCounter = new AtomicInteger((int) (Math.random() * 1000));

    protected volatile ClientInstance instance;
    private volatile ExecutorService asyncExecutor;

    public Producer(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public Producer(String producerGroup, ClientConfig config) {
        this(producerGroup);
        config.copyTo(this);
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    /** @return the group as brokers see it: wrapped in the namespace, if any */
    protected String wireGroup() {
        return withNamespace(producerGroup);
    }

    /** Connects to the name servers and registers the group; must be called once before sending. */
    public synchronized void start() {
        if (instance != null) {
            return;
        }
        asyncExecutor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "rocketmq-producer-async-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ClientInstance obtained = ClientInstance.obtain(this);
        try {
            obtained.registerProducer(member());
        } catch (RuntimeException e) {
            obtained.release();
            throw e;
        }
        instance = obtained;
        startTracing(producerGroup);
    }

    /** @return how this producer appears to the client instance (overridden by the transactional producer) */
    protected ProducerMember member() {
        String group = wireGroup();
        return () -> group;
    }

    /** Unregisters the group and releases the shared client instance. */
    public synchronized void shutdown() {
        if (instance == null) {
            return;
        }
        instance.unregisterProducer(wireGroup());
        instance.release();
        instance = null;
        asyncExecutor.shutdown();
        stopTracing(3000);
    }

    // ---- sync

    public SendResult send(Message message) {
        return send(message, sendMsgTimeoutMillis);
    }

    /** Sends and waits; retries on another broker on retryable failures. */
    public SendResult send(Message message, long timeoutMillis) {
        Outgoing out = prepare(message);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String failedBroker = null;
        ClientException last = null;
        for (int attempt = 0; attempt <= retryTimesWhenSendFailed; attempt++) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            TopicRoute route = started().publishRoute(out.topic, defaultTopicQueueNums);
            MessageQueue queue = selectQueue(route, failedBroker);
            try {
                return await(sendTo(route, queue, out, left), left);
            } catch (ClientException e) {
                last = e;
                if (!isRetryable(e)) {
                    throw e;
                }
                failedBroker = queue.brokerName();
                refreshQuietly(out.topic);
            }
        }
        throw last != null ? last : new ClientException(-1, "send of " + message.getTopic() + " timed out");
    }

    /**
     * Sends to the queue chosen by the selector (ordered messages); no retry on another queue. The selector sees
     * the queues with the topic as the user named it (without namespace).
     */
    public SendResult send(Message message, MessageQueueSelector selector, Object arg) {
        Outgoing out = prepare(message);
        TopicRoute route = started().publishRoute(out.topic, defaultTopicQueueNums);
        List<MessageQueue> visible = route.writeQueues().stream().map(this::queueWithoutNamespace).toList();
        MessageQueue queue = queueWithNamespace(selector.select(visible, message, arg));
        return await(sendTo(route, queue, out, sendMsgTimeoutMillis), sendMsgTimeoutMillis);
    }

    /** Sends to the given queue (its topic as the user names it, or already wrapped). */
    public SendResult send(Message message, MessageQueue queue) {
        Outgoing out = prepare(message);
        TopicRoute route = started().publishRoute(out.topic, defaultTopicQueueNums);
        return await(sendTo(route, queueWithNamespace(queue), out, sendMsgTimeoutMillis), sendMsgTimeoutMillis);
    }

    /** @return the queue with its topic wrapped in the namespace */
    protected MessageQueue queueWithNamespace(MessageQueue queue) {
        String topic = withNamespace(queue.topic());
        return topic.equals(queue.topic()) ? queue : new MessageQueue(topic, queue.brokerName(), queue.queueId());
    }

    /** @return the queue with its topic as the user names it */
    protected MessageQueue queueWithoutNamespace(MessageQueue queue) {
        String topic = withoutNamespace(queue.topic());
        return topic.equals(queue.topic()) ? queue : new MessageQueue(topic, queue.brokerName(), queue.queueId());
    }

    /**
     * Sends a batch in one request: same topic, no delay level, not a retry topic; the result's {@code msgId} is
     * the comma-joined unique ids.
     */
    public SendResult send(Collection<? extends Message> messages) {
        return send(batch(messages));
    }

    // ---- async

    /** Sends without blocking; retries like the sync send. */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return sendAsync(message, sendMsgTimeoutMillis);
    }

    public CompletableFuture<SendResult> sendAsync(Message message, long timeoutMillis) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        try {
            Outgoing out = prepare(message);
            attemptAsync(out, null, 0, System.currentTimeMillis() + timeoutMillis, result);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Sends without blocking and reports to the callback. */
    public void send(Message message, SendCallback callback) {
        sendAsync(message).whenComplete((r, e) -> {
            if (e != null) {
                callback.onException(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                callback.onSuccess(r);
            }
        });
    }

    private void attemptAsync(Outgoing out, String failedBroker, int attempt, long deadline,
                              CompletableFuture<SendResult> result) {
        asyncExecutor.execute(() -> {
            MessageQueue queue = null;
            try {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    result.completeExceptionally(new ClientException(-1, "send of " + out.topic + " timed out"));
                    return;
                }
                TopicRoute route = started().publishRoute(out.topic, defaultTopicQueueNums);
                MessageQueue chosen = queue = selectQueue(route, failedBroker);
                sendTo(route, chosen, out, left).whenComplete((r, e) -> {
                    if (e == null) {
                        result.complete(r);
                        return;
                    }
                    ClientException error = unwrap(e);
                    if (isRetryable(error) && attempt < retryTimesWhenSendAsyncFailed) {
                        refreshQuietly(out.topic);
                        attemptAsync(out, chosen.brokerName(), attempt + 1, deadline, result);
                    } else {
                        result.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                if (isRetryable(unwrap(e)) && attempt < retryTimesWhenSendAsyncFailed && queue != null) {
                    attemptAsync(out, queue.brokerName(), attempt + 1, deadline, result);
                } else {
                    result.completeExceptionally(unwrap(e));
                }
            }
        });
    }

    // ---- oneway

    /** Writes the message without waiting for any answer (no retry, no result). */
    public void sendOneway(Message message) {
        Outgoing out = prepare(message);
        TopicRoute route = started().publishRoute(out.topic, defaultTopicQueueNums);
        MessageQueue queue = selectQueue(route, null);
        String address = route.masterAddress(queue.brokerName());
        TraceDispatcher tracer = traceDispatcher();
        long start = System.currentTimeMillis();
        instance.invokeOneway(address, request(out, queue));
        if (tracer != null) {
            tracePub(tracer, out, address, null, start);
        }
    }

    // ---- request / reply

    /**
     * Sends a request message and waits for the reply that a consumer sends with {@link ReplyMessages#reply}.
     *
     * @return the reply message
     */
    public MessageExt request(Message message, long timeoutMillis) {
        CompletableFuture<MessageExt> reply = requestAsync(message, timeoutMillis);
        try {
            // the future fails by itself at the timeout; the grace only guards against a stuck timer
            return reply.get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw noReply(message, timeoutMillis);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
    }

    /**
     * Sends a request message; the future completes with the reply, or fails with a {@link ClientException}
     * ("no reply within ... ms") when none arrives in time.
     */
    public CompletableFuture<MessageExt> requestAsync(Message message, long timeoutMillis) {
        String correlationId = UUID.randomUUID().toString();
        message.putProperty(MessageConst.PROPERTY_CORRELATION_ID, correlationId);
        message.putProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, started().clientId());
        message.putProperty(MessageConst.PROPERTY_MESSAGE_TTL, String.valueOf(timeoutMillis));
        CompletableFuture<MessageExt> reply = instance.expectReply(correlationId);
        CompletableFuture.delayedExecutor(timeoutMillis, TimeUnit.MILLISECONDS)
            .execute(() -> reply.completeExceptionally(noReply(message, timeoutMillis)));
        sendAsync(message, timeoutMillis).whenComplete((r, e) -> {
            if (e != null) {
                reply.completeExceptionally(e);
            }
        });
        return reply;
    }

    private static ClientException noReply(Message message, long timeoutMillis) {
        return new ClientException(-1, "no reply within " + timeoutMillis + " ms for request to " + message.getTopic());
    }

    // ---- internals

    /** A message ready for the wire: properties string, final body and sysFlag. */
    protected record Outgoing(String topic, byte[] body, int sysFlag, int flag, String properties, boolean batch,
                              int code, Integer reconsumeTimes, Integer maxReconsumeTimes, String uniqKey,
                              List<Message> parts) {
    }

    protected Outgoing prepare(Message message) {
        String invalid = SystemTopics.validateTopicName(message.getTopic());
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        if (SystemTopics.isNotAllowedToSend(message.getTopic())) {
            throw new IllegalArgumentException("sending to topic " + message.getTopic() + " is forbidden");
        }
        byte[] body = message.getBody();
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("the message body is empty");
        }
        if (body.length > maxMessageSize) {
            throw new IllegalArgumentException("the message body size " + body.length
                + " exceeds maxMessageSize " + maxMessageSize);
        }
        boolean batch = message instanceof BatchMessage;
        String uniq = message.getUniqKey();
        if (!batch && uniq == null) {
            uniq = MessageIds.createUniqId();
            message.setUniqKey(uniq);
        }
        int sysFlag = 0;
        if (!batch && body.length >= compressMsgBodyOverHowmuch) {
            byte[] compressed = MessageCompression.compress(body, MessageCompression.DEFAULT_LEVEL);
            if (compressed.length < body.length) {
                body = compressed;
                sysFlag = MessageSysFlag.setCompression(sysFlag | MessageSysFlag.COMPRESSED_FLAG,
                    MessageSysFlag.COMPRESSION_ZLIB);
            }
        }
        if ("true".equals(message.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            sysFlag |= MessageSysFlag.TRANSACTION_PREPARED_TYPE;
        }
        Map<String, String> properties = new HashMap<>(message.getProperties());
        Integer reconsumeTimes = null;
        Integer maxReconsumeTimes = null;
        if (SystemTopics.isRetryTopic(message.getTopic())) {
            String times = properties.remove(MessageConst.PROPERTY_RECONSUME_TIME);
            String max = properties.remove(MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
            reconsumeTimes = times == null ? 0 : Integer.parseInt(times);
            maxReconsumeTimes = max == null ? null : Integer.parseInt(max);
        }
        int code = batch ? RequestCode.SEND_BATCH_MESSAGE
            : MessageConst.REPLY_MESSAGE_FLAG.equals(properties.get(MessageConst.PROPERTY_MESSAGE_TYPE))
            ? RequestCode.SEND_REPLY_MESSAGE_V2 : RequestCode.SEND_MESSAGE_V2;
        String uniqKeys = batch ? ((BatchMessage) message).uniqKeys() : uniq;
        return new Outgoing(withNamespace(message.getTopic()), body, sysFlag, message.getFlag(), MessageProperties.encode(properties),
            batch, code, reconsumeTimes, maxReconsumeTimes, uniqKeys, batch ? ((BatchMessage) message).parts : null);
    }

    private RemotingCommand request(Outgoing out, MessageQueue queue) {
        SendMessageRequestHeaderV2 header = new SendMessageRequestHeaderV2(wireGroup(), out.topic,
            SystemTopics.AUTO_CREATE_TOPIC_KEY, defaultTopicQueueNums, queue.queueId(), out.sysFlag,
            System.currentTimeMillis(), out.flag, out.properties, out.reconsumeTimes, false, out.maxReconsumeTimes,
            out.batch, queue.brokerName());
        return RemotingCommand.request(out.code, header).setBody(out.body);
    }

    protected CompletableFuture<SendResult> sendTo(TopicRoute route, MessageQueue queue, Outgoing out, long timeoutMillis) {
        String address = route.masterAddress(queue.brokerName());
        if (address == null) {
            return CompletableFuture.failedFuture(new ClientException(ResponseCode.SERVICE_NOT_AVAILABLE,
                "no master of broker " + queue.brokerName()));
        }
        TraceDispatcher tracer = traceDispatcher();
        long start = tracer == null ? 0 : System.currentTimeMillis();
        return instance.remoting().invokeAsync(address, request(out, queue), timeoutMillis)
            .handle((response, error) -> {
                if (error != null) {
                    throw unwrap(error);
                }
                SendResult result = toResult(response, queue, out);
                if (tracer != null) {
                    tracePub(tracer, out, address, result, start);
                }
                return result;
            });
    }

    /**
     * Records the Pub trace of a sent message (one per message of a batch, unlike Apache's single record with the
     * joined ids); never throws.
     *
     * @param result the send result, null for a one-way send (then: no offset message id, success = written)
     */
    private void tracePub(TraceDispatcher tracer, Outgoing out, String storeHost, SendResult result, long start) {
        try {
            String topic = withoutNamespace(out.topic);
            int cost = (int) (System.currentTimeMillis() - start);
            boolean ok = result == null || result.status() == SendStatus.SEND_OK;
            if (out.batch) {
                String[] offsetIds = result == null || result.offsetMsgId() == null ? new String[0]
                    : result.offsetMsgId().split(",");
                for (int i = 0; i < out.parts.size(); i++) {
                    Message part = out.parts.get(i);
                    String region = part.getProperties().getOrDefault(MessageConst.PROPERTY_MSG_REGION,
                        TraceEncoder.DEFAULT_REGION);
                    tracer.append(TraceEncoder.pub(start, region, producerGroup, topic, part.getUniqKey(),
                        part.getTags(), part.getKeys(), storeHost, part.getBody().length, cost,
                        TraceEncoder.MSG_TYPE_NORMAL, i < offsetIds.length ? offsetIds[i] : null, ok),
                        part.getUniqKey(), part.getKeys());
                }
                return;
            }
            Map<String, String> properties = MessageProperties.decode(out.properties);
            String keys = properties.get(MessageConst.PROPERTY_KEYS);
            String delay = properties.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            int type = (out.sysFlag & MessageSysFlag.TRANSACTION_PREPARED_TYPE) != 0
                ? TraceEncoder.MSG_TYPE_TRANSACTION_HALF
                : delay != null && !"0".equals(delay) ? TraceEncoder.MSG_TYPE_DELAY : TraceEncoder.MSG_TYPE_NORMAL;
            String region = properties.getOrDefault(MessageConst.PROPERTY_MSG_REGION, TraceEncoder.DEFAULT_REGION);
            tracer.append(TraceEncoder.pub(start, region, producerGroup, topic, out.uniqKey,
                properties.get(MessageConst.PROPERTY_TAGS), keys, storeHost, out.body.length, cost, type,
                result == null ? null : result.offsetMsgId(), ok), out.uniqKey, keys);
        } catch (RuntimeException e) {
            // tracing must never fail the send: the record is skipped
        }
    }

    private SendResult toResult(RemotingCommand response, MessageQueue queue, Outgoing out) {
        SendStatus status = switch (response.getCode()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw new ClientException(response.getCode(), "send to " + queue + " failed: code "
                + response.getCode() + ", " + response.getRemark());
        };
        SendMessageResponseHeader header;
        try {
            header = response.decodeHeader(SendMessageResponseHeader.class);
        } catch (RemotingCommandException e) {
            throw new ClientException(e.responseCode(), "bad send response: " + e.getMessage());
        }
        MessageQueue written = new MessageQueue(withoutNamespace(queue.topic()), queue.brokerName(),
            header.queueId() == null ? queue.queueId() : header.queueId());
        String transactionId = header.transactionId() != null ? header.transactionId() : out.uniqKey;
        return new SendResult(status, out.uniqKey, header.msgId(), written,
            header.queueOffset() == null ? -1 : header.queueOffset(), transactionId);
    }

    /** Round robin over the publish queues, avoiding the broker that just failed when possible. */
    protected MessageQueue selectQueue(TopicRoute route, String failedBroker) {
        List<MessageQueue> queues = route.writeQueues();
        if (queues.isEmpty()) {
            throw new ClientException(ResponseCode.TOPIC_NOT_EXIST, "no writable queue of topic " + route.topic());
        }
        for (int i = 0; i < queues.size(); i++) {
            MessageQueue q = queues.get(Math.floorMod(queueCounter.incrementAndGet(), queues.size()));
            if (failedBroker == null || !failedBroker.equals(q.brokerName())) {
                return q;
            }
        }
        return queues.get(Math.floorMod(queueCounter.incrementAndGet(), queues.size()));
    }

    private static boolean isRetryable(ClientException e) {
        return e.responseCode() == -1 || RETRYABLE.contains(e.responseCode());
    }

    private void refreshQuietly(String topic) {
        try {
            instance.refreshRoute(topic);
        } catch (RuntimeException ignored) {
            // the next attempt uses the cached route
        }
    }

    protected static ClientException unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ClientException client) {
            return client;
        }
        if (cause instanceof RemotingException remoting) {
            return new ClientException(remoting.getMessage(), remoting);
        }
        return new ClientException(String.valueOf(cause), cause);
    }

    protected static <T> T await(CompletableFuture<T> future, long timeoutMillis) {
        try {
            return future.get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw new ClientException("timed out after " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
    }

    protected ClientInstance started() {
        ClientInstance current = instance;
        if (current == null) {
            throw new IllegalStateException("producer " + producerGroup + " is not started");
        }
        return current;
    }

    private BatchMessage batch(Collection<? extends Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        String topic = messages.iterator().next().getTopic();
        List<Message> list = new ArrayList<>(messages);
        for (Message m : list) {
            if (!topic.equals(m.getTopic())) {
                throw new IllegalArgumentException("all messages of a batch must have the same topic");
            }
            if (m.getDelayTimeLevel() > 0) {
                throw new IllegalArgumentException("messages of a batch cannot have a delay level");
            }
            if (SystemTopics.isRetryTopic(topic)) {
                throw new IllegalArgumentException("retry-group messages cannot be batched");
            }
            if (m.getUniqKey() == null) {
                m.setUniqKey(MessageIds.createUniqId());
            }
        }
        return new BatchMessage(topic, list);
    }

    /** A batch wrapped as one message whose body is the batch encoding. */
    private static final class BatchMessage extends Message {
        private final String uniqKeys;
        private final List<Message> parts;

        BatchMessage(String topic, List<Message> messages) {
            super(topic, BatchMessageCodec.encode(messages));
            this.parts = List.copyOf(messages);
            this.uniqKeys = messages.stream().map(Message::getUniqKey).collect(Collectors.joining(","));
            setWaitStoreMsgOK(messages.get(0).isWaitStoreMsgOK());
        }

        String uniqKeys() {
            return uniqKeys;
        }
    }

    // ---- settings

    public long getSendMsgTimeoutMillis() {
        return sendMsgTimeoutMillis;
    }

    public void setSendMsgTimeoutMillis(long sendMsgTimeoutMillis) {
        this.sendMsgTimeoutMillis = sendMsgTimeoutMillis;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(int times) {
        this.retryTimesWhenSendFailed = times;
    }

    public int getRetryTimesWhenSendAsyncFailed() {
        return retryTimesWhenSendAsyncFailed;
    }

    public void setRetryTimesWhenSendAsyncFailed(int times) {
        this.retryTimesWhenSendAsyncFailed = times;
    }

    public int getCompressMsgBodyOverHowmuch() {
        return compressMsgBodyOverHowmuch;
    }

    public void setCompressMsgBodyOverHowmuch(int bytes) {
        this.compressMsgBodyOverHowmuch = bytes;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }
}
