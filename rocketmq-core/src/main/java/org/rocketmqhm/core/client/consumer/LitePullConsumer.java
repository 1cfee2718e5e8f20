package org.rocketmqhm.core.client.consumer;

import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.ClientInstance;
import org.rocketmqhm.core.client.consumer.impl.ConsumerBrokerApi;
import org.rocketmqhm.core.client.consumer.impl.PullResult;
import org.rocketmqhm.core.client.consumer.impl.PullStatus;
import org.rocketmqhm.core.client.consumer.impl.QueueAssignment;
import org.rocketmqhm.core.client.consumer.impl.RemoteOffsetStore;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pull-style consumer: {@link #subscribe} (the group's queues are shared by rebalance) or {@link #assign}
 * (explicit queues), then {@link #poll(Duration)} in a loop. Pulls are synchronous PULL_MESSAGE calls made by the
 * polling thread (LITE_PULL | SUBSCRIPTION flags; a short long-poll when every queue is drained). The position of a
 * queue advances past what {@code poll} returned; {@link #commitSync()} stores those positions on the brokers, and
 * with {@code autoCommit} (default) they are stored every {@code autoCommitIntervalMillis}. {@code poll}, {@code
 * seek} and {@code commitSync} are meant for one thread; rebalancing happens in the background.
 *
 * <pre>{@code
 * LitePullConsumer consumer = new LitePullConsumer("reporting");
 * consumer.setNamesrvAddr("127.0.0.1:9876");
 * consumer.subscribe("orders", MessageSelector.byTag("*"));
 * consumer.start();
 * List<MessageExt> batch = consumer.poll(Duration.ofSeconds(1));
 * }</pre>
 *
 * @since 0.1.0
 */
public class LitePullConsumer extends TracedClientConfig {

    private final String consumerGroup;
    private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private final Set<MessageQueue> assigned = ConcurrentHashMap.newKeySet();
    private final Map<MessageQueue, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean manualAssignment;
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private long consumeTimestamp = System.currentTimeMillis() - 30 * 60_000L;
    private int pullBatchSize = 10;
    private boolean autoCommit = true;
    private long autoCommitIntervalMillis = 5_000;

    private volatile ClientInstance instance;
    private ConsumerBrokerApi api;
    private RemoteOffsetStore offsets;
    private int nextQueue;
    private long lastCommit = System.currentTimeMillis();
    private volatile long startedAt;
    private volatile long lastPullMillis;
    private volatile long lastConsumeMillis;
    private final ConsumeStatsRecorder stats = new ConsumeStatsRecorder();
    private java.util.concurrent.ScheduledFuture<?> statsSampler;

    public LitePullConsumer(String consumerGroup) {
        this.consumerGroup = Objects.requireNonNull(consumerGroup);
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    /** Subscribes a topic; its queues are shared with the other members of the group. */
    public void subscribe(String topic, MessageSelector selector) {
        if (manualAssignment) {
            throw new IllegalStateException("assign() and subscribe() cannot be mixed");
        }
        SystemTopics.requireValidTopicName(topic);
        String wire = withNamespace(topic);
        subscriptions.put(wire, SubscriptionData.of(wire, selector.expression(), selector.expressionType()));
        if (instance != null) {
            instance.sendHeartbeat();
            rebalance();
        }
    }

    /** Reads exactly these queues, without group rebalancing (topics as the user names them). */
    public void assign(Collection<MessageQueue> userQueues) {
        List<MessageQueue> queues = userQueues.stream().map(this::wire).toList();
        if (!subscriptions.isEmpty() && !manualAssignment) {
            throw new IllegalStateException("assign() and subscribe() cannot be mixed");
        }
        manualAssignment = true;
        for (MessageQueue q : queues) {
            subscriptions.putIfAbsent(q.topic(), SubscriptionData.of(q.topic(), "*", null));
        }
        assigned.retainAll(queues);
        positions.keySet().retainAll(queues);
        assigned.addAll(queues);
    }

    public synchronized void start() {
        if (instance != null) {
            return;
        }
        ClientInstance obtained = ClientInstance.obtain(this);
        api = new ConsumerBrokerApi(obtained, withNamespace(consumerGroup), getNamespace());
        offsets = new RemoteOffsetStore(api);
        try {
            obtained.registerConsumer(member());
        } catch (RuntimeException e) {
            obtained.release();
            throw e;
        }
        instance = obtained;
        statsSampler = stats.scheduleOn(obtained.scheduler());
        startedAt = System.currentTimeMillis();
        startTracing(consumerGroup);
        if (!manualAssignment) {
            rebalance();
        }
    }

    private synchronized void rebalance() {
        if (manualAssignment || instance == null) {
            return;
        }
        for (String topic : subscriptions.keySet()) {
            Set<MessageQueue> owned;
            try {
                owned = QueueAssignment.assign(api, topic, MessageModel.CLUSTERING);
            } catch (RuntimeException e) {
                continue;
            }
            if (owned == null) {
                continue;
            }
            for (MessageQueue q : new ArrayList<>(assigned)) {
                if (q.topic().equals(topic) && !owned.contains(q)) {
                    assigned.remove(q);
                    commit(List.of(q), false);
                    positions.remove(q);
                    offsets.remove(q);
                }
            }
            assigned.addAll(owned);
        }
    }

    private ConsumerMember member() {
        return new ConsumerMember() {
            @Override
            public String consumerGroup() {
                return withNamespace(consumerGroup);
            }

            @Override
            public ConsumerData consumerData() {
                return new ConsumerData(withNamespace(consumerGroup), ConsumeType.CONSUME_ACTIVELY, MessageModel.CLUSTERING,
                    consumeFromWhere, new LinkedHashSet<>(subscriptions.values()), false);
            }

            @Override
            public Set<String> subscribedTopics() {
                return Set.copyOf(subscriptions.keySet());
            }

            @Override
            public void rebalance() {
                LitePullConsumer.this.rebalance();
            }

            @Override
            public void persistOffsets() {
                if (autoCommit) {
                    commit(Set.copyOf(assigned), false);
                }
            }

            @Override
            public void resetOffsets(String topic, Map<MessageQueue, Long> table) {
                table.forEach((q, o) -> {
                    if (q.topic().equals(topic)) {
                        seek(q, o);
                    }
                });
            }

            @Override
            public ConsumerRunningInfo runningInfo() {
                return LitePullConsumer.this.runningInfo();
            }
        };
    }

    /**
     * Running info as Apache's lite pull consumer reports it (CONSUME_ACTIVELY); this consumer buffers nothing
     * between polls, so the cached / in-progress counts of every queue are 0. The status table has an entry per
     * subscribed topic with the pull figures of {@link #poll} (pullRT, pullTPS); the consume figures stay 0, as
     * the application consumes outside the client (Apache's lite pull consumer records none of them).
     */
    private ConsumerRunningInfo runningInfo() {
        Map<String, String> props = new TreeMap<>();
        props.put("consumerGroup", consumerGroup);
        props.put("messageModel", MessageModel.CLUSTERING.name());
        props.put("consumeFromWhere", consumeFromWhere.name());
        props.put("pullBatchSize", String.valueOf(pullBatchSize));
        props.put("autoCommit", String.valueOf(autoCommit));
        props.put("autoCommitIntervalMillis", String.valueOf(autoCommitIntervalMillis));
        props.put("instanceName", getInstanceName());
        props.put(ConsumerRunningInfo.PROP_CONSUME_ORDERLY, "false");
        props.put(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE, "0");
        props.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(startedAt));
        props.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, ConsumeType.CONSUME_ACTIVELY.name());
        Map<MessageQueue, ConsumerRunningInfo.ProcessQueueInfo> mqTable = new TreeMap<>(
            java.util.Comparator.comparing(MessageQueue::topic).thenComparing(MessageQueue::brokerName)
                .thenComparingInt(MessageQueue::queueId));
        for (MessageQueue q : assigned) {
            long committed = offsets == null ? -1 : offsets.readMemory(q);
            Long position = positions.get(q);
            mqTable.put(q, new ConsumerRunningInfo.ProcessQueueInfo(committed >= 0 ? committed
                : position == null ? -1 : position, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, false, lastPullMillis,
                lastConsumeMillis));
        }
        Map<String, ConsumerRunningInfo.ConsumeStatus> status = new TreeMap<>();
        for (String topic : subscriptions.keySet()) {
            status.put(topic, stats.status(topic));
        }
        return new ConsumerRunningInfo(props, new ArrayList<>(subscriptions.values()), mqTable, status, null);
    }

    /**
     * Returns the next messages of one assigned queue, waiting up to {@code timeout} for some to arrive.
     *
     * @return messages in queue order (possibly empty on timeout)
     */
    public List<MessageExt> poll(Duration timeout) {
        if (instance == null) {
            throw new IllegalStateException("start() the consumer first");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (autoCommit && System.currentTimeMillis() - lastCommit >= autoCommitIntervalMillis) {
            commit(Set.copyOf(assigned), false);
        }
        while (true) {
            List<MessageQueue> queues = new ArrayList<>(assigned);
            queues.sort(null);
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (queues.isEmpty()) {
                if (remainingMillis <= 0) {
                    return List.of();
                }
                rebalance();
                if (assigned.isEmpty()) {
                    sleepQuietly(Math.min(remainingMillis, 100));
                }
                continue;
            }
            for (int i = 0; i < queues.size(); i++) {
                MessageQueue queue = queues.get(Math.floorMod(nextQueue++, queues.size()));
                List<MessageExt> found = pullOnce(queue, 0);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return List.of();
            }
            List<MessageExt> found = pullOnce(queues.get(Math.floorMod(nextQueue++, queues.size())),
                Math.min(remainingMillis, 1000));
            if (!found.isEmpty()) {
                return found;
            }
        }
    }

    private List<MessageExt> pullOnce(MessageQueue queue, long suspendMillis) {
        SubscriptionData subscription = subscriptions.get(queue.topic());
        try {
            Long position = positions.get(queue);
            if (position == null) {
                position = QueueAssignment.startOffset(api, offsets, queue, consumeFromWhere, consumeTimestamp);
                positions.put(queue, position);
            }
            int flags = ConsumerBrokerApi.FLAG_SUBSCRIPTION | ConsumerBrokerApi.FLAG_LITE_PULL
                | (suspendMillis > 0 ? ConsumerBrokerApi.FLAG_SUSPEND : 0);
            long sentNanos = System.nanoTime();
            PullResult result = api.pull(queue, subscription, position, pullBatchSize, flags, 0, suspendMillis,
                suspendMillis + getRequestTimeoutMillis()).get(suspendMillis + getRequestTimeoutMillis() + 1000,
                TimeUnit.MILLISECONDS);
            if (result.status() == PullStatus.FOUND) {
                stats.pulled(queue.topic(), (System.nanoTime() - sentNanos) / 1000, result.messages().size());
            }
            if (!assigned.contains(queue) || !position.equals(positions.get(queue))) {
                return List.of();
            }
            positions.put(queue, result.nextBeginOffset());
            lastPullMillis = System.currentTimeMillis();
            result.messages().forEach(api::restoreTopic);
            if (!result.messages().isEmpty()) {
                lastConsumeMillis = lastPullMillis;
                TraceDispatcher tracer = traceDispatcher();
                if (tracer != null) {
                    ConsumeTracer.tracePulled(tracer, consumerGroup, result.messages());
                }
            }
            return result.messages();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (suspendMillis > 0) {
                sleepQuietly(Math.min(suspendMillis, 200));
            }
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Moves the next read position of an assigned queue. */
    public void seek(MessageQueue userQueue, long offset) {
        MessageQueue queue = wire(userQueue);
        if (!assigned.contains(queue)) {
            throw new IllegalStateException(queue + " is not assigned to this consumer");
        }
        positions.put(queue, offset);
    }

    /** Seeks to the first available offset of the queue. */
    public void seekToBegin(MessageQueue queue) {
        seek(queue, api.minOffset(wire(queue)));
    }

    /** Seeks past the last message of the queue. */
    public void seekToEnd(MessageQueue queue) {
        seek(queue, api.maxOffset(wire(queue)));
    }

    /** @return the queues currently read by this consumer (topics as the user names them) */
    public Set<MessageQueue> assignment() {
        Set<MessageQueue> result = new HashSet<>();
        for (MessageQueue q : assigned) {
            result.add(new MessageQueue(withoutNamespace(q.topic()), q.brokerName(), q.queueId()));
        }
        return Set.copyOf(result);
    }

    private MessageQueue wire(MessageQueue queue) {
        String topic = withNamespace(queue.topic());
        return topic.equals(queue.topic()) ? queue : new MessageQueue(topic, queue.brokerName(), queue.queueId());
    }

    /** @return the committed offset stored on the broker, or -1 */
    public long committed(MessageQueue queue) {
        return api.queryConsumerOffset(wire(queue));
    }

    /** Stores the current positions of all assigned queues on the brokers, waiting for the answers. */
    public void commitSync() {
        commit(Set.copyOf(assigned), true);
    }

    private void commit(Collection<MessageQueue> queues, boolean sync) {
        lastCommit = System.currentTimeMillis();
        Set<MessageQueue> known = new HashSet<>();
        for (MessageQueue q : queues) {
            Long position = positions.get(q);
            if (position != null) {
                offsets.update(q, position, false);
                known.add(q);
            }
        }
        offsets.persistAll(known, sync);
    }

    public synchronized void shutdown() {
        if (instance == null) {
            return;
        }
        if (autoCommit) {
            commit(Set.copyOf(assigned), true);
        }
        instance.unregisterConsumer(withNamespace(consumerGroup));
        statsSampler.cancel(false);
        instance.release();
        instance = null;
        stopTracing(3000);
    }

    // ---- settings

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public long getConsumeTimestamp() {
        return consumeTimestamp;
    }

    public void setConsumeTimestamp(long consumeTimestamp) {
        this.consumeTimestamp = consumeTimestamp;
    }

    public int getPullBatchSize() {
        return pullBatchSize;
    }

    public void setPullBatchSize(int pullBatchSize) {
        this.pullBatchSize = pullBatchSize;
    }

    public boolean isAutoCommit() {
        return autoCommit;
    }

    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public long getAutoCommitIntervalMillis() {
        return autoCommitIntervalMillis;
    }

    public void setAutoCommitIntervalMillis(long millis) {
        this.autoCommitIntervalMillis = millis;
    }
}
