package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
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
 * through {@link RetrySender}; those that cannot be handed back are consumed again locally after 5 s. Broadcasting
 * failures are dropped (as Apache does). Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConcurrentConsumeService implements ConsumeService {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentConsumeService.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final MessageListenerConcurrently listener;
    private final OffsetStore offsets;
    private final RetrySender retry;
    private final MessageModel model;
    private final int batchSize;
    private final int maxReconsumeTimes;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService pool;

    public ConcurrentConsumeService(MessageListenerConcurrently listener, OffsetStore offsets, RetrySender retry,
                                    MessageModel model, int threads, int batchSize, int maxReconsumeTimes,
                                    ScheduledExecutorService scheduler) {
        this.listener = listener;
        this.offsets = offsets;
        this.retry = retry;
        this.model = model;
        this.batchSize = Math.max(1, batchSize);
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.scheduler = scheduler;
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
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
        ConsumeConcurrentlyStatus status;
        try {
            status = listener.consume(batch, queue);
        } catch (Throwable e) {
            log.warn("listener failed on {} messages of {}", batch.size(), queue, e);
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        if (status == null) {
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        List<MessageExt> done = batch;
        if (status == ConsumeConcurrentlyStatus.RECONSUME_LATER && model == MessageModel.CLUSTERING) {
            List<MessageExt> failed = new ArrayList<>();
            for (MessageExt m : batch) {
                if (!retry.sendBack(m, queue.brokerName(), maxReconsumeTimes)) {
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

    @Override
    public void shutdown() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }
}
