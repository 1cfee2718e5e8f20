package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.consumer.ConsumeStatsRecorder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The push consumer's engine: owns the assigned queues (rebalanced per topic), runs one long-polling PULL_MESSAGE
 * chain per queue (suspend 15 s, socket timeout 30 s, SUSPEND | COMMIT_OFFSET | SUBSCRIPTION flags), applies flow
 * control (count/size thresholds delay the next pull by 50 ms), hands messages to the {@link ConsumeService}, and
 * for orderly consumers locks queues before pulling them and re-locks them on {@link #relockAll()}.
 * Pull responses are handled on the consumer's scheduler, never on Netty I/O threads. Thread-safe.
 *
 * @since 0.1.0
 */
public final class PullLoop {

    private static final Logger log = LoggerFactory.getLogger(PullLoop.class);
    public static final long SUSPEND_MILLIS = 15_000;
    public static final long PULL_TIMEOUT_MILLIS = 30_000;
    private static final long DELAY_ON_FLOW_CONTROL = 50;
    private static final long DELAY_ON_ERROR = 1_000;

    /** Settings the loop needs. */
    public record Settings(String group, MessageModel model, boolean orderly, ConsumeFromWhere consumeFromWhere,
                           long consumeTimestamp, int pullBatchSize, int pullThresholdForQueue,
                           long pullThresholdSizeForQueue) {
    }

    private final Settings settings;
    private final ConsumerBrokerApi api;
    private final OffsetStore offsets;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SubscriptionData> subscriptions;
    private final Map<MessageQueue, ProcessQueue> queues = new ConcurrentHashMap<>();
    private volatile ConsumeService consumeService;
    private volatile ConsumeStatsRecorder stats = new ConsumeStatsRecorder();
    private volatile boolean running = true;
    private volatile long lastHeartbeatKick;

    public PullLoop(Settings settings, ConsumerBrokerApi api, OffsetStore offsets, ScheduledExecutorService scheduler,
                    Map<String, SubscriptionData> subscriptions) {
        this.settings = settings;
        this.api = api;
        this.offsets = offsets;
        this.scheduler = scheduler;
        this.subscriptions = subscriptions;
    }

    public void setConsumeService(ConsumeService consumeService) {
        this.consumeService = consumeService;
    }

    /** @param stats where FOUND pull responses are recorded (round trip and messages) */
    public void setStatsRecorder(ConsumeStatsRecorder stats) {
        this.stats = stats;
    }

    /** @return the currently owned queues */
    public Set<MessageQueue> assignedQueues() {
        return Set.copyOf(queues.keySet());
    }

    /** Re-computes ownership of every subscribed topic. @return false if some topic's route was unknown */
    public synchronized boolean rebalance() {
        if (!running) {
            return true;
        }
        boolean complete = true;
        for (String topic : subscriptions.keySet()) {
            Set<MessageQueue> owned;
            try {
                owned = QueueAssignment.assign(api, topic, settings.model());
            } catch (RuntimeException e) {
                log.debug("rebalance of {} failed: {}", topic, e.toString());
                complete = false;
                continue;
            }
            if (owned == null) {
                log.debug("rebalance of {}: route or group members unknown yet", topic);
                complete = false;
                continue;
            }
            log.debug("rebalance of {}: owning {}", topic, owned);
            update(topic, owned);
        }
        return complete;
    }

    private void update(String topic, Set<MessageQueue> owned) {
        for (Map.Entry<MessageQueue, ProcessQueue> e : new ArrayList<>(queues.entrySet())) {
            MessageQueue queue = e.getKey();
            if (queue.topic().equals(topic) && !owned.contains(queue)) {
                drop(queue, e.getValue());
            }
        }
        for (MessageQueue queue : owned) {
            if (queues.containsKey(queue)) {
                continue;
            }
            ProcessQueue pq = new ProcessQueue();
            if (needsLocks() && !lock(Set.of(queue)).contains(queue)) {
                continue;
            }
            if (needsLocks()) {
                pq.setLocked(true);
            }
            long start;
            try {
                offsets.remove(queue);
                start = QueueAssignment.startOffset(api, offsets, queue, settings.consumeFromWhere(),
                    settings.consumeTimestamp());
            } catch (RuntimeException e) {
                log.debug("no start offset for {} yet: {}", queue, e.toString());
                continue;
            }
            offsets.update(queue, start, false);
            queues.put(queue, pq);
            log.debug("{} now owns {} from offset {}", settings.group(), queue, start);
            pull(queue, pq, start, 0);
        }
    }

    private boolean needsLocks() {
        return settings.orderly() && settings.model() == MessageModel.CLUSTERING;
    }

    private Set<MessageQueue> lock(Set<MessageQueue> wanted) {
        Map<String, Set<MessageQueue>> byBroker = new HashMap<>();
        wanted.forEach(q -> byBroker.computeIfAbsent(q.brokerName(), b -> new HashSet<>()).add(q));
        Set<MessageQueue> locked = new HashSet<>();
        byBroker.forEach((broker, set) -> {
            try {
                locked.addAll(api.lock(broker, set));
            } catch (RuntimeException e) {
                log.debug("locking queues of {} failed: {}", broker, e.toString());
            }
        });
        return locked;
    }

    /** Orderly clustering: renews the broker locks of all owned queues (every 20 s). */
    public void relockAll() {
        if (!needsLocks() || queues.isEmpty()) {
            return;
        }
        Set<MessageQueue> locked = lock(queues.keySet());
        queues.forEach((q, pq) -> pq.setLocked(locked.contains(q)));
    }

    private void drop(MessageQueue queue, ProcessQueue pq) {
        pq.drop();
        queues.remove(queue);
        offsets.persistAll(List.of(queue), false);
        offsets.remove(queue);
        if (needsLocks()) {
            scheduler.execute(() -> {
                boolean idle = false;
                try {
                    idle = pq.consumeLock().tryLock(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (idle) {
                        pq.consumeLock().unlock();
                    }
                }
                try {
                    api.unlock(Set.of(queue), true);
                } catch (RuntimeException e) {
                    log.debug("unlock of {} failed: {}", queue, e.toString());
                }
            });
        }
    }

    private void pull(MessageQueue queue, ProcessQueue pq, long offset, long delayMillis) {
        if (delayMillis > 0) {
            scheduler.schedule(() -> pull(queue, pq, offset, 0), delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        if (!running || pq.isDropped()) {
            return;
        }
        if (pq.count() > settings.pullThresholdForQueue() || pq.bytes() > settings.pullThresholdSizeForQueue()) {
            pull(queue, pq, offset, DELAY_ON_FLOW_CONTROL);
            return;
        }
        if (needsLocks() && !pq.isLocked()) {
            pull(queue, pq, offset, DELAY_ON_ERROR);
            return;
        }
        SubscriptionData subscription = subscriptions.get(queue.topic());
        if (subscription == null) {
            return;
        }
        long commitOffset = settings.model() == MessageModel.CLUSTERING ? offsets.readMemory(queue) : -1;
        int sysFlag = ConsumerBrokerApi.FLAG_SUSPEND | ConsumerBrokerApi.FLAG_SUBSCRIPTION
            | (commitOffset > 0 ? ConsumerBrokerApi.FLAG_COMMIT_OFFSET : 0);
        long sentNanos = System.nanoTime();
        api.pull(queue, subscription, offset, settings.pullBatchSize(), sysFlag, Math.max(commitOffset, 0),
                SUSPEND_MILLIS, PULL_TIMEOUT_MILLIS)
            .whenCompleteAsync((result, error) -> {
                try {
                    if (result != null && result.status() == PullStatus.FOUND) {
                        stats.pulled(queue.topic(), (System.nanoTime() - sentNanos) / 1000, result.messages().size());
                    }
                    onPulled(queue, pq, offset, result, error);
                } catch (RuntimeException e) {
                    log.warn("handling pull result of {} failed", queue, e);
                    pull(queue, pq, offset, DELAY_ON_ERROR);
                }
            }, scheduler);
    }

    private void onPulled(MessageQueue queue, ProcessQueue pq, long offset, PullResult result, Throwable error) {
        if (pq.isDropped() || !running) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            log.debug("pull of {} at {} failed: {}", queue, offset, cause.toString());
            kickHeartbeat(cause);
            pull(queue, pq, offset, DELAY_ON_ERROR);
            return;
        }
        pq.markPulled();
        if (result.status() != PullStatus.OFFSET_ILLEGAL) {
            pq.brokerMaxOffset(result.maxOffset());
        }
        switch (result.status()) {
            case FOUND -> {
                List<MessageExt> messages = result.messages();
                if (!messages.isEmpty()) {
                    messages.forEach(api::restoreTopic);
                    pq.put(messages);
                    consumeService.submit(queue, pq, messages);
                } else if (pq.isEmpty()) {
                    offsets.update(queue, result.nextBeginOffset(), true);
                }
                pull(queue, pq, result.nextBeginOffset(), 0);
            }
            case NO_NEW_MSG, NO_MATCHED_MSG -> {
                if (pq.isEmpty()) {
                    offsets.update(queue, result.nextBeginOffset(), true);
                }
                pull(queue, pq, result.nextBeginOffset(), 0);
            }
            case OFFSET_ILLEGAL -> {
                log.warn("offset {} of {} is illegal, moving to {}", offset, queue, result.nextBeginOffset());
                offsets.update(queue, result.nextBeginOffset(), false);
                pull(queue, pq, result.nextBeginOffset(), 0);
            }
        }
    }

    /** After network errors or a forgotten subscription (broker restart), re-heartbeat at most every 2 s. */
    private void kickHeartbeat(Throwable cause) {
        boolean relevant = !(cause instanceof ClientException ce) || ce.responseCode() < 0
            || ce.responseCode() == ResponseCode.SUBSCRIPTION_NOT_EXIST
            || ce.responseCode() == ResponseCode.SUBSCRIPTION_NOT_LATEST
            || ce.responseCode() == ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST;
        long now = System.currentTimeMillis();
        if (relevant && now - lastHeartbeatKick > 2_000) {
            lastHeartbeatKick = now;
            scheduler.execute(() -> {
                try {
                    api.instance().sendHeartbeat();
                } catch (RuntimeException e) {
                    log.debug("heartbeat failed: {}", e.toString());
                }
            });
        }
    }

    /**
     * Broker-initiated reset (RESET_CONSUMER_CLIENT_OFFSET): every owned queue of the table restarts at its given
     * offset with a fresh process queue; buffered and in-flight messages of the old position are discarded (their
     * results no longer move the offset). Queues this client does not own are left to their owners.
     */
    public synchronized void resetOffsets(String topic, Map<MessageQueue, Long> table) {
        if (!running) {
            return;
        }
        List<MessageQueue> reset = new ArrayList<>();
        table.forEach((queue, offset) -> {
            ProcessQueue old = queue.topic().equals(topic) && offset != null && offset >= 0 ? queues.get(queue) : null;
            if (old == null) {
                return;
            }
            old.drop();
            ProcessQueue pq = new ProcessQueue();
            pq.setLocked(old.isLocked());
            offsets.update(queue, offset, false);
            queues.put(queue, pq);
            reset.add(queue);
            log.info("{} reset {} to offset {}", settings.group(), queue, offset);
            pull(queue, pq, offset, 0);
        });
        offsets.persistAll(reset, false);
    }

    /** Persists the offsets of owned queues (oneway/async, or sync at shutdown). */
    public void persistOffsets(boolean sync) {
        offsets.persistAll(queues.keySet(), sync);
    }

    /** Stops issuing pulls; buffered messages stay and in-flight consumption still commits (shutdown step 1). */
    public void stopPulling() {
        running = false;
    }

    /** @return a live, read-only view of the owned queues and their process queues */
    public Map<MessageQueue, ProcessQueue> processQueues() {
        return java.util.Collections.unmodifiableMap(queues);
    }

    /** Stops pulling, persists offsets synchronously and releases queue locks. */
    public synchronized void shutdown() {
        running = false;
        queues.values().forEach(ProcessQueue::drop);
        offsets.persistAll(queues.keySet(), true);
        if (needsLocks()) {
            Map<String, Set<MessageQueue>> byBroker = new HashMap<>();
            queues.keySet().forEach(q -> byBroker.computeIfAbsent(q.brokerName(), b -> new HashSet<>()).add(q));
            byBroker.values().forEach(set -> {
                try {
                    api.unlock(set, false);
                } catch (RuntimeException e) {
                    log.debug("unlock failed: {}", e.toString());
                }
            });
        }
        queues.clear();
    }
}
