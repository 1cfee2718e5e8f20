package org.rocketmqhm.core.client.consumer;

import org.rocketmqhm.core.client.ClientConfig;
import org.rocketmqhm.core.client.ClientInstance;
import org.rocketmqhm.core.client.consumer.impl.ConcurrentConsumeService;
import org.rocketmqhm.core.client.consumer.impl.ConsumeService;
import org.rocketmqhm.core.client.consumer.impl.ConsumerBrokerApi;
import org.rocketmqhm.core.client.consumer.impl.LocalOffsetStore;
import org.rocketmqhm.core.client.consumer.impl.OffsetStore;
import org.rocketmqhm.core.client.consumer.impl.OrderlyConsumeService;
import org.rocketmqhm.core.client.consumer.impl.PullLoop;
import org.rocketmqhm.core.client.consumer.impl.RemoteOffsetStore;
import org.rocketmqhm.core.client.consumer.impl.RetrySender;
import org.rocketmqhm.core.client.impl.ConsumerMember;
import org.rocketmqhm.core.client.impl.ConsumerRunningInfo;
import org.rocketmqhm.core.client.trace.ConsumeTracer;
import org.rocketmqhm.core.client.trace.TraceDispatcher;
import org.rocketmqhm.core.client.trace.TracedClientConfig;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.ConsumeType;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.SubscriptionData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A push consumer: the client pulls with long polling and calls a {@link MessageListenerConcurrently} or
 * {@link MessageListenerOrderly}. Clustering (default) shares the group's queues among its members (averaging
 * rebalance every 20 s and on NOTIFY_CONSUMER_IDS_CHANGED), keeps offsets on the brokers, and subscribes
 * {@code %RETRY%group} automatically; broadcasting gives every member all queues and keeps offsets in a local file.
 * Configure, {@link #subscribe}, register one listener, then {@link #start()}. Thread-safe after start.
 *
 * <pre>{@code
 * PushConsumer consumer = new PushConsumer("order-consumers");
 * consumer.setNamesrvAddr("127.0.0.1:9876");
 * consumer.subscribe("orders", MessageSelector.byTag("created || paid"));
 * consumer.registerMessageListener((MessageListenerConcurrently) (msgs, queue) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
 * consumer.start();
 * }</pre>
 *
 * @since 0.1.0
 */
public class PushConsumer extends TracedClientConfig {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String consumerGroup;
    private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private MessageModel messageModel = MessageModel.CLUSTERING;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private long consumeTimestamp = System.currentTimeMillis() - 30 * 60_000L;
    private int consumeThreadMin = 20;
    private int consumeThreadMax = 20;
    private int consumeMessageBatchMaxSize = 1;
    private int pullBatchSize = 32;
    private int pullThresholdForQueue = 1000;
    private long pullThresholdSizeForQueue = 100L * 1024 * 1024;
    private int maxReconsumeTimes = -1;
    private long suspendCurrentQueueTimeMillis = 1000;
    private long consumeTimeoutMillis = 15 * 60_000L;
    private int delayLevelWhenNextConsume;
    private long awaitTerminationMillisWhenShutdown = 5_000;
    private long lockIntervalMillis = 20_000;
    private Path offsetStoreDir;
    private Object listener;

    private volatile ClientInstance instance;
    private ScheduledExecutorService scheduler;
    private PullLoop loop;
    private ConsumeService consumeService;
    private RetrySender retrySender;
    private OffsetStore offsetStore;
    private volatile long startedAt;
    private volatile String wireGroup;
    private volatile ConsumeStatsRecorder stats;
    private ScheduledFuture<?> statsSampler;

    public PushConsumer(String consumerGroup) {
        this.consumerGroup = Objects.requireNonNull(consumerGroup);
    }

    public PushConsumer(String consumerGroup, ClientConfig config) {
        this(consumerGroup);
        config.copyTo(this);
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    /** Subscribes a topic by tag expression ({@code "*"}, {@code "A || B"}). */
    public void subscribe(String topic, String tagExpression) {
        subscribe(topic, MessageSelector.byTag(tagExpression));
    }

    /** Subscribes a topic (as the user names it; wrapped in the namespace, which must be set before). */
    public void subscribe(String topic, MessageSelector selector) {
        SystemTopics.requireValidTopicName(topic);
        String wire = withNamespace(topic);
        subscriptions.put(wire, SubscriptionData.of(wire, selector.expression(), selector.expressionType()));
        if (instance != null) {
            instance.sendHeartbeat();
            loop.rebalance();
        }
    }

    public void unsubscribe(String topic) {
        subscriptions.remove(withNamespace(topic));
    }

    public void registerMessageListener(MessageListenerConcurrently listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    public void registerMessageListener(MessageListenerOrderly listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /** Connects, heartbeats, rebalances and starts pulling. */
    public synchronized void start() {
        if (instance != null) {
            return;
        }
        if (listener == null) {
            throw new IllegalStateException("register a message listener before start()");
        }
        String group = withNamespace(consumerGroup);
        wireGroup = group;
        if (messageModel == MessageModel.CLUSTERING) {
            String retry = SystemTopics.retryTopic(group);
            subscriptions.putIfAbsent(retry, SubscriptionData.of(retry, "*", null));
        }
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "rocketmq-push-" + consumerGroup + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ClientInstance obtained = ClientInstance.obtain(this);
        ConsumerBrokerApi api = new ConsumerBrokerApi(obtained, group, getNamespace());
        OffsetStore offsets = messageModel == MessageModel.BROADCASTING
            ? new LocalOffsetStore(offsetStoreDir != null ? offsetStoreDir
                : Path.of(System.getProperty("user.home"), ".rocketmq_offsets", clientId(), consumerGroup))
            : new RemoteOffsetStore(api);
        offsetStore = offsets;
        boolean orderly = listener instanceof MessageListenerOrderly;
        ConsumeStatsRecorder recorder = new ConsumeStatsRecorder();
        retrySender = new RetrySender(api, group, this);
        int threads = Math.max(consumeThreadMin, 1);
        ConcurrentConsumeService concurrent = null;
        Object effective = orderly ? userView((MessageListenerOrderly) listener)
            : userView((MessageListenerConcurrently) listener);
        TraceDispatcher dispatcher = startTracing(consumerGroup);
        if (dispatcher != null) {
            ConsumeTracer tracer = new ConsumeTracer(dispatcher, consumerGroup);
            effective = orderly ? tracer.wrap((MessageListenerOrderly) effective)
                : tracer.wrap((MessageListenerConcurrently) effective);
        }
        if (orderly) {
            consumeService = new OrderlyConsumeService((MessageListenerOrderly) effective, offsets, retrySender,
                messageModel, threads, consumeThreadMax, consumeMessageBatchMaxSize, maxReconsumeTimes,
                suspendCurrentQueueTimeMillis, scheduler, recorder);
        } else {
            concurrent = new ConcurrentConsumeService((MessageListenerConcurrently) effective, offsets, retrySender,
                new ConcurrentConsumeService.Settings(messageModel, threads, consumeThreadMax,
                    consumeMessageBatchMaxSize, maxReconsumeTimes < 0 ? 16 : maxReconsumeTimes,
                    delayLevelWhenNextConsume, consumeTimeoutMillis), scheduler, recorder);
            consumeService = concurrent;
        }
        loop = new PullLoop(new PullLoop.Settings(group, messageModel, orderly, consumeFromWhere,
            consumeTimestamp, pullBatchSize, pullThresholdForQueue, pullThresholdSizeForQueue), api, offsets, scheduler,
            subscriptions);
        loop.setConsumeService(consumeService);
        loop.setStatsRecorder(recorder);
        try {
            obtained.registerConsumer(member());
        } catch (RuntimeException e) {
            obtained.release();
            scheduler.shutdownNow();
            stopTracing(0);
            throw e;
        }
        instance = obtained;
        stats = recorder;
        statsSampler = recorder.scheduleOn(obtained.scheduler());
        startedAt = System.currentTimeMillis();
        if (orderly && messageModel == MessageModel.CLUSTERING) {
            scheduler.scheduleWithFixedDelay(loop::relockAll, lockIntervalMillis, lockIntervalMillis,
                TimeUnit.MILLISECONDS);
        }
        if (concurrent != null && consumeTimeoutMillis > 0) {
            ConcurrentConsumeService service = concurrent;
            long period = Math.max(100, Math.min(consumeTimeoutMillis, 15 * 60_000L));
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    service.cleanExpired(loop.processQueues());
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(PushConsumer.class).warn("consume timeout check failed", e);
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }
        scheduler.execute(this::rebalanceUntilComplete);
    }

    /**
     * Rebalances now; while some topic has no route or no known members yet (e.g. a just-created retry topic),
     * heartbeats again and retries after 1 s, for at most a minute after start.
     */
    private void rebalanceUntilComplete() {
        if (instance == null) {
            return;
        }
        if (!loop.rebalance() && System.currentTimeMillis() - startedAt < 60_000) {
            // the route may have been unknown at the first heartbeat, so the brokers may not know the group yet
            ClientInstance current = instance;
            if (current != null) {
                current.sendHeartbeat();
            }
            scheduler.schedule(this::rebalanceUntilComplete, 1, TimeUnit.SECONDS);
        }
    }

    /** The listener as the user wrote it sees queues without the namespace. */
    private MessageListenerConcurrently userView(MessageListenerConcurrently l) {
        String ns = getNamespace();
        return ns == null || ns.isEmpty() ? l : (messages, queue) -> l.consume(messages, withoutNamespace(queue));
    }

    private MessageListenerOrderly userView(MessageListenerOrderly l) {
        String ns = getNamespace();
        return ns == null || ns.isEmpty() ? l : (messages, queue) -> l.consume(messages, withoutNamespace(queue));
    }

    private MessageQueue withoutNamespace(MessageQueue queue) {
        return new MessageQueue(withoutNamespace(queue.topic()), queue.brokerName(), queue.queueId());
    }

    private ConsumerMember member() {
        String group = wireGroup;
        return new ConsumerMember() {
            @Override
            public String consumerGroup() {
                return group;
            }

            @Override
            public ConsumerData consumerData() {
                return new ConsumerData(group, ConsumeType.CONSUME_PASSIVELY, messageModel, consumeFromWhere,
                    new LinkedHashSet<>(subscriptions.values()), false);
            }

            @Override
            public Set<String> subscribedTopics() {
                return Set.copyOf(subscriptions.keySet());
            }

            @Override
            public void rebalance() {
                loop.rebalance();
            }

            @Override
            public void persistOffsets() {
                loop.persistOffsets(false);
            }

            @Override
            public void resetOffsets(String topic, Map<MessageQueue, Long> offsets) {
                loop.resetOffsets(topic, offsets);
            }

            @Override
            public ConsumerRunningInfo runningInfo() {
                return PushConsumer.this.runningInfo();
            }

            @Override
            public boolean consumeDirectly(MessageExt message) {
                message.setTopic(withoutNamespace(message.getTopic()));
                MessageQueue queue = new MessageQueue(message.getTopic(), "", message.getQueueId());
                if (listener instanceof MessageListenerConcurrently l) {
                    return l.consume(List.of(message), queue) == ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }
                return ((MessageListenerOrderly) listener).consume(List.of(message), queue) == ConsumeOrderlyStatus.SUCCESS;
            }
        };
    }

    private ConsumerRunningInfo runningInfo() {
        Map<String, String> props = new TreeMap<>();
        props.put("consumerGroup", consumerGroup);
        props.put("messageModel", messageModel.name());
        props.put("consumeFromWhere", consumeFromWhere.name());
        props.put("consumeThreadMin", String.valueOf(consumeThreadMin));
        props.put("consumeThreadMax", String.valueOf(consumeThreadMax));
        props.put("consumeMessageBatchMaxSize", String.valueOf(consumeMessageBatchMaxSize));
        props.put("pullBatchSize", String.valueOf(pullBatchSize));
        props.put("pullThresholdForQueue", String.valueOf(pullThresholdForQueue));
        props.put("pullThresholdSizeForQueue", String.valueOf(pullThresholdSizeForQueue / (1024 * 1024)));
        props.put("maxReconsumeTimes", String.valueOf(maxReconsumeTimes));
        props.put("suspendCurrentQueueTimeMillis", String.valueOf(suspendCurrentQueueTimeMillis));
        props.put("consumeTimeout", String.valueOf(getConsumeTimeout()));
        props.put("awaitTerminationMillisWhenShutdown", String.valueOf(awaitTerminationMillisWhenShutdown));
        props.put("instanceName", getInstanceName());
        if (getNamespace() != null) {
            props.put("namespace", getNamespace());
        }
        props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, String.valueOf(listener instanceof MessageListenerOrderly));
        props.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, String.valueOf(Math.max(consumeThreadMin, 1)));
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(startedAt));
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, ConsumeType.CONSUME_PASSIVELY.name());
        Map<MessageQueue, ConsumerRunningInfo.ProcessQueueInfo> mqTable = new TreeMap<>(QUEUE_ORDER);
        PullLoop current = loop;
        if (current != null) {
            current.processQueues().forEach((queue, pq) -> mqTable.put(queue, pq.info(offsetStore.readMemory(queue))));
        }
        Map<String, ConsumerRunningInfo.ConsumeStatus> statusTable = new TreeMap<>();
        ConsumeStatsRecorder recorder = stats;
        for (String topic : subscriptions.keySet()) {
            statusTable.put(topic, recorder != null ? recorder.status(topic)
                : new ConsumerRunningInfo.ConsumeStatus(0, 0, 0, 0, 0, 0));
        }
        return new ConsumerRunningInfo(props, new ArrayList<>(subscriptions.values()), mqTable, statusTable, null);
    }

    /** Apache's MessageQueue order: topic, broker name, queue id. */
    static final Comparator<MessageQueue> QUEUE_ORDER = Comparator.comparing(MessageQueue::topic)
        .thenComparing(MessageQueue::brokerName).thenComparingInt(MessageQueue::queueId);

    /**
     * Stops pulling, waits up to {@link #setAwaitTerminationMillisWhenShutdown awaitTerminationMillisWhenShutdown}
     * (5 s) for queued and in-flight listener calls (their offsets still count), commits offsets, unlocks and
     * unregisters.
     */
    public synchronized void shutdown() {
        if (instance == null) {
            return;
        }
        ClientInstance current = instance;
        instance = null;
        loop.stopPulling();
        consumeService.shutdown(awaitTerminationMillisWhenShutdown);
        loop.shutdown();
        current.unregisterConsumer(wireGroup);
        statsSampler.cancel(false);
        current.release();
        retrySender.shutdown();
        scheduler.shutdownNow();
        stopTracing(3000);
    }

    /** @return the queues this consumer owns now, topics as the user names them (without namespace) */
    public Set<MessageQueue> assignedQueues() {
        Set<MessageQueue> wire = wireAssignedQueues();
        String ns = getNamespace();
        if (ns == null || ns.isEmpty()) {
            return wire;
        }
        Set<MessageQueue> user = new java.util.HashSet<>();
        for (MessageQueue q : wire) {
            user.add(withoutNamespace(q));
        }
        return Set.copyOf(user);
    }

    /** @return the owned queues as on the wire (topics wrapped in the namespace; diagnostics and tests) */
    public Set<MessageQueue> wireAssignedQueues() {
        return loop == null ? Set.of() : loop.assignedQueues();
    }

    /**
     * The consumer's lag on a topic from its own state, without a broker round trip: over the queues it owns, the
     * broker max offset reported by the latest pull response minus the in-memory committed offset.
     *
     * @param topic a subscribed topic (or {@code %RETRY%group})
     * @return the summed lag, 0 when no queue of the topic is owned or none was pulled yet
     */
    public long consumerLag(String topic) {
        PullLoop current = loop;
        if (current == null || instance == null) {
            return 0;
        }
        long lag = 0;
        String wireTopic = withNamespace(topic);
        for (Map.Entry<MessageQueue, org.rocketmqhm.core.client.consumer.impl.ProcessQueue> e
            : current.processQueues().entrySet()) {
            if (!e.getKey().topic().equals(wireTopic)) {
                continue;
            }
            long max = e.getValue().brokerMaxOffset();
            long committed = offsetStore.readMemory(e.getKey());
            if (max >= 0) {
                lag += Math.max(0, max - Math.max(committed, 0));
            }
        }
        return lag;
    }

    // ---- settings

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public long getConsumeTimestamp() {
        return consumeTimestamp;
    }

    /** @param consumeTimestamp epoch millis used with {@code CONSUME_FROM_TIMESTAMP} (default: 30 min ago) */
    public void setConsumeTimestamp(long consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    /**
     * The pool's maximum size; as with Apache the task queue is unbounded, so the pool runs {@code consumeThreadMin}
     * threads.
     */
    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(int size) {
        this.consumeMessageBatchMaxSize = size;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public int getPullThresholdForQueue() {
        return pullThresholdForQueue;
    }

    public void setPullThresholdForQueue(int messages) {
        this.pullThresholdForQueue = messages;
    }

    public long getPullThresholdSizeForQueue() {
        return pullThresholdSizeForQueue;
    }

    public void setPullThresholdSizeForQueue(long bytes) {
        this.pullThresholdSizeForQueue = bytes;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    /** @param times -1 means 16 (concurrent) or unbounded local retries (orderly) */
    public void setMaxReconsumeTimes(int times) {
        this.maxReconsumeTimes = times;
    }

    public long getSuspendCurrentQueueTimeMillis() {
        return suspendCurrentQueueTimeMillis;
    }

    public void setSuspendCurrentQueueTimeMillis(long millis) {
        this.suspendCurrentQueueTimeMillis = millis;
    }

    public long getConsumeTimeout() {
        return consumeTimeoutMillis / 60_000L;
    }

    /**
     * @param minutes how long a concurrent listener call may run (default 15); after that its message is sent back
     *                with delay level 3 and no longer holds back the committed offset
     */
    public void setConsumeTimeout(long minutes) {
        this.consumeTimeoutMillis = minutes * 60_000L;
    }

    public long getConsumeTimeoutMillis() {
        return consumeTimeoutMillis;
    }

    /**
     * {@link #setConsumeTimeout} in milliseconds (finer than Apache's minutes; checked every timeout period, at least
     * every 100 ms); 0 or less turns the check off.
     */
    public void setConsumeTimeoutMillis(long millis) {
        this.consumeTimeoutMillis = millis;
    }

    public int getDelayLevelWhenNextConsume() {
        return delayLevelWhenNextConsume;
    }

    /**
     * @param level concurrent listeners: delay level of a failed message (as Apache's
     *              {@code ConsumeConcurrentlyContext.delayLevelWhenNextConsume}): -1 straight to the DLQ, 0 (default)
     *              the broker's choice {@code 3 + reconsumeTimes}, &gt; 0 that level
     */
    public void setDelayLevelWhenNextConsume(int level) {
        this.delayLevelWhenNextConsume = level;
    }

    public long getAwaitTerminationMillisWhenShutdown() {
        return awaitTerminationMillisWhenShutdown;
    }

    /** @param millis how long {@link #shutdown()} waits for queued and in-flight listener calls (default 5000) */
    public void setAwaitTerminationMillisWhenShutdown(long millis) {
        this.awaitTerminationMillisWhenShutdown = millis;
    }

    public Path getOffsetStoreDir() {
        return offsetStoreDir;
    }

    /** @param dir broadcasting offsets folder (default {@code ~/.rocketmq_offsets/<clientId>/<group>}) */
    public void setOffsetStoreDir(Path dir) {
        this.offsetStoreDir = dir;
    }
}
