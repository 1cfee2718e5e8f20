package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeStatsRecorder;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent consumption: batches of {@code batchSize} on a pool of {@code threads}; after each batch the
 * lowest unfinished offset of the queue becomes the in-memory committed offset. Failed clustering messages go back
 * through {@link RetrySender} with {@code delayLevelWhenNextConsume} (-1 DLQ, 0 broker's choice, &gt; 0 that level);
 * those that cannot be handed back are consumed again locally after 5 s. Broadcasting failures are dropped (as
 * Apache does). {@link #cleanExpired} implements the consume timeout: a buffered message at the head of its queue
 * whose listener call started more than {@code consumeTimeoutMillis} ago is sent back with delay level 3 and
 * removed from the process queue, so that the committed offset moves on (the listener call itself is not
 * interrupted; a late failure of it sends the message back again, as with Apache). Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConcurrentConsumeService implements ConsumeService {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentConsumeService.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Delay level of messages sent back after the consume timeout (Apache's value). */
    public static final int EXPIRED_DELAY_LEVEL = 3;
    /** Expired messages handled per queue and check (Apache's value). */
    private static final int EXPIRED_PER_CHECK = 16;

    /**
     * @param model clustering or broadcasting
     * @param threads core consumer threads
     * @param maxThreads maximum consumer threads (the task queue is unbounded, so as with Apache the pool stays at
     *                   {@code threads})
     * @param batchSize messages per listener call
     * @param maxReconsumeTimes redeliveries before the DLQ
     * @param delayLevelWhenNextConsume delay level of a failed message
     * @param consumeTimeoutMillis how long a listener call may run before its message is sent back
     */
    public record Settings(MessageModel model, int threads, int maxThreads, int batchSize, int maxReconsumeTimes,
                           int delayLevelWhenNextConsume, long consumeTimeoutMillis) {
    }

    private final MessageListenerConcurrently listener;
    private final OffsetStore offsets;
    private final RetrySender retry;
    private final MessageModel model;
    private final int batchSize;
    private final int maxReconsumeTimes;
    private final int delayLevel;
    private final long consumeTimeoutMillis;
    private final ScheduledExecutorService scheduler;
    private final ConsumeStatsRecorder stats;
    private final ExecutorService pool;

    /** @param stats where each listener call is recorded (time, messages OK or failed) */
    public ConcurrentConsumeService(MessageListenerConcurrently listener, OffsetStore offsets, RetrySender retry,
                                    Settings settings, ScheduledExecutorService scheduler,
                                    ConsumeStatsRecorder stats) {
        this.stats = stats;
        this.listener = listener;
        this.offsets = offsets;
        this.retry = retry;
        this.model = settings.model();
        this.batchSize = Math.max(1, settings.batchSize());
        this.maxReconsumeTimes = settings.maxReconsumeTimes();
        this.delayLevel = settings.delayLevelWhenNextConsume();
        this.consumeTimeoutMillis = settings.consumeTimeoutMillis();
        this.scheduler = scheduler;
        int threads = Math.max(1, settings.threads());
        this.pool = new ThreadPoolExecutor(threads, Math.max(threads, settings.maxThreads()), 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "rocketmq-consume-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    }

    @Override
    public void submit(MessageQueue queue, ProcessQueue processQueue, List<MessageExt> messages) {
        for (int i = 0; i < messages.size(); i += batchSize) {
            List<MessageExt> batch = List.copyOf(messages.subList(i, Math.min(messages.size(), i + batchSize)));
            execute(() -> consume(queue, processQueue, batch));
        }
    }

    private void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("consume pool is shut down");
        }
    }

    private void consume(MessageQueue queue, ProcessQueue processQueue, List<MessageExt> batch) {
        if (processQueue.isDropped()) {
            return;
        }
        processQueue.markConsuming(batch, System.currentTimeMillis());
        ConsumeConcurrentlyStatus status;
        long startNanos = System.nanoTime();
        try {
            status = listener.consume(batch, queue);
        } catch (Throwable e) {
            log.warn("listener failed on {} messages of {}", batch.size(), queue, e);
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        if (status == null) {
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        boolean ok = status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        stats.consumed(queue.topic(), (System.nanoTime() - startNanos) / 1000, ok ? batch.size() : 0,
            ok ? 0 : batch.size());
        List<MessageExt> done = batch;
        if (status == ConsumeConcurrentlyStatus.RECONSUME_LATER && model == MessageModel.CLUSTERING) {
            List<MessageExt> failed = new ArrayList<>();
            for (MessageExt m : batch) {
                if (!retry.sendBack(m, queue.brokerName(), maxReconsumeTimes, delayLevel)) {
                    m.setReconsumeTimes(m.getReconsumeTimes() + 1);
                    failed.add(m);
                }
            }
            if (!failed.isEmpty()) {
                done = new ArrayList<>(batch);
                done.removeAll(failed);
                scheduler.schedule(() -> execute(() -> consume(queue, processQueue, failed)), 5, TimeUnit.SECONDS);
            }
        }
        long commit = processQueue.remove(done);
        if (commit >= 0 && !processQueue.isDropped()) {
            offsets.update(queue, commit, true);
        }
    }

    /**
     * Sends back and removes the messages whose listener call exceeded the consume timeout (see the class
     * comment). Called periodically by the consumer.
     *
     * @param queues the consumer's process queues
     */
    public void cleanExpired(Map<MessageQueue, ProcessQueue> queues) {
        long startedBefore = System.currentTimeMillis() - consumeTimeoutMillis;
        queues.forEach((queue, pq) -> {
            if (pq.isDropped()) {
                return;
            }
            for (MessageExt m : pq.expiredHead(startedBefore, EXPIRED_PER_CHECK)) {
                if (model == MessageModel.CLUSTERING
                    && !retry.sendBack(m, queue.brokerName(), maxReconsumeTimes, EXPIRED_DELAY_LEVEL)) {
                    log.warn("could not send back {} of {} after the consume timeout", m.getMsgId(), queue);
                    return;
                }
                log.info("consumption of {} of {} exceeded {} ms; sent back with delay level {}", m.getMsgId(), queue,
                    consumeTimeoutMillis, EXPIRED_DELAY_LEVEL);
                long commit = pq.remove(List.of(m));
                if (commit >= 0 && !pq.isDropped()) {
                    offsets.update(queue, commit, true);
                }
            }
        });
    }

    @Override
    public void shutdown(long awaitMillis) {
        pool.shutdown();
        try {
            pool.awaitTermination(Math.max(0, awaitMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
