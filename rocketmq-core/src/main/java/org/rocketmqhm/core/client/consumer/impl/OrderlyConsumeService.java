package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.consumer.ConsumeOrderlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeStatsRecorder;
import org.rocketmqhm.core.client.consumer.MessageListenerOrderly;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orderly consumption (§5.15): at most one task per queue (queued or running), which, under the queue's consume
 * lock and while the broker lock is held (clustering), takes messages in offset order, calls the listener and
 * commits after success. A suspended batch is retried locally after {@code suspendMillis} with its reconsume count
 * raised; past {@code maxReconsumeTimes} it is produced to the retry topic (towards the DLQ) and skipped.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class OrderlyConsumeService implements ConsumeService {

    private static final Logger log = LoggerFactory.getLogger(OrderlyConsumeService.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MessageListenerOrderly listener;
    private final OffsetStore offsets;
    private final RetrySender retry;
    private final MessageModel model;
    private final int batchSize;
    private final int maxReconsumeTimes;
    private final long suspendMillis;
    private final ScheduledExecutorService scheduler;
    private final ConsumeStatsRecorder stats;
    private final ExecutorService pool;

    /** @param stats where each listener call is recorded (time, messages OK or suspended) */
    public OrderlyConsumeService(MessageListenerOrderly listener, OffsetStore offsets, RetrySender retry,
                                 MessageModel model, int threads, int maxThreads, int batchSize, int maxReconsumeTimes,
                                 long suspendMillis, ScheduledExecutorService scheduler, ConsumeStatsRecorder stats) {
        this.stats = stats;
        this.listener = listener;
        this.offsets = offsets;
        this.retry = retry;
        this.model = model;
        this.batchSize = Math.max(1, batchSize);
        this.maxReconsumeTimes = maxReconsumeTimes < 0 ? Integer.MAX_VALUE : maxReconsumeTimes;
        this.suspendMillis = suspendMillis;
        this.scheduler = scheduler;
        this.pool = new ThreadPoolExecutor(threads, Math.max(threads, maxThreads), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "rocketmq-consume-orderly-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void submit(MessageQueue queue, ProcessQueue processQueue, List<MessageExt> messages) {
        schedule(queue, processQueue, 0);
    }

    private void schedule(MessageQueue queue, ProcessQueue pq, long delayMillis) {
        if (!pq.orderlyTaskScheduled().compareAndSet(false, true)) {
            return;
        }
        Runnable task = () -> {
            try {
                pool.execute(() -> run(queue, pq));
            } catch (RejectedExecutionException e) {
                pq.orderlyTaskScheduled().set(false);
            }
        };
        if (delayMillis > 0) {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } else {
            task.run();
        }
    }

    private void run(MessageQueue queue, ProcessQueue pq) {
        long retryAfter = -1;
        pq.consumeLock().lock();
        try {
            while (!pq.isDropped()) {
                if (model == MessageModel.CLUSTERING && !pq.isLocked()) {
                    retryAfter = 100;
                    break;
                }
                List<MessageExt> batch = pq.take(batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                ConsumeOrderlyStatus status;
                long startNanos = System.nanoTime();
                try {
                    status = listener.consume(batch, queue);
                } catch (Throwable e) {
                    log.warn("orderly listener failed on {}", queue, e);
                    status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                if (status == null) {
                    status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
                boolean ok = status == ConsumeOrderlyStatus.SUCCESS;
                stats.consumed(queue.topic(), (System.nanoTime() - startNanos) / 1000, ok ? batch.size() : 0,
                    ok ? 0 : batch.size());
                if (status == ConsumeOrderlyStatus.SUCCESS) {
                    offsets.update(queue, pq.commit(), false);
                    continue;
                }
                if (batch.stream().allMatch(m -> m.getReconsumeTimes() >= maxReconsumeTimes)
                    && batch.stream().allMatch(m -> retry.resend(m, maxReconsumeTimes, 0))) {
                    offsets.update(queue, pq.commit(), false);
                    continue;
                }
                batch.forEach(m -> m.setReconsumeTimes(m.getReconsumeTimes() + 1));
                pq.rollback();
                retryAfter = suspendMillis;
                break;
            }
        } finally {
            pq.consumeLock().unlock();
            pq.orderlyTaskScheduled().set(false);
        }
        if (pq.isDropped()) {
            return;
        }
        if (retryAfter >= 0) {
            schedule(queue, pq, retryAfter);
        } else if (!pq.isEmpty()) {
            schedule(queue, pq, 0);
        }
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
