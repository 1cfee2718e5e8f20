package org.rocketmqhm.core.client.trace;

import org.rocketmqhm.core.client.ClientConfig;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ships trace records asynchronously: {@link #append} only offers to a bounded queue (a full queue drops the record
 * and counts it, so tracing never blocks or fails the caller's send or consumption); one daemon thread drains the
 * queue in batches and sends each batch as one message (records back to back, at most {@value #MAX_BODY_BYTES}
 * bytes) to the trace topic, with the message keys set to the traced message ids and keys, through an inner
 * producer of group {@code _INNER_TRACE_PRODUCER-<owner group>} (started on first use, not traced itself).
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceDispatcher {

    /** Records waiting to be shipped at most. */
    public static final int DEFAULT_CAPACITY = 2048;
    /** Body size of one trace message at most (Apache's default). */
    public static final int MAX_BODY_BYTES = 128 * 1024;
    private static final int MAX_BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(TraceDispatcher.class);

    /** One record and the keys to index it by. */
    record Entry(String data, String msgId, String keys) {
    }

    private final String ownerGroup;
    private final String traceTopic;
    private final ClientConfig config;
    private final BlockingQueue<Entry> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;
    private Producer producer;

    /**
     * @param ownerGroup the traced producer's or consumer's group
     * @param traceTopic where traces go ({@code RMQ_SYS_TRACE_TOPIC} when null or blank)
     * @param config name servers and other client settings of the inner producer
     * @param capacity records buffered at most
     */
    public TraceDispatcher(String ownerGroup, String traceTopic, ClientConfig config, int capacity) {
        this.ownerGroup = ownerGroup;
        this.traceTopic = traceTopic == null || traceTopic.isBlank() ? TraceEncoder.DEFAULT_TRACE_TOPIC : traceTopic;
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::run, "rocketmq-trace-" + ownerGroup);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** @return the topic traces are sent to */
    public String traceTopic() {
        return traceTopic;
    }

    /**
     * Queues a record; never blocks.
     *
     * @return false if the queue was full and the record was dropped
     */
    public boolean append(String data, String msgId, String keys) {
        if (!running || !queue.offer(new Entry(data, msgId, keys))) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** @return records dropped because the queue was full (or after shutdown) */
    public long droppedCount() {
        return dropped.get();
    }

    /** @return trace messages sent */
    public long sentCount() {
        return sent.get();
    }

    /** @return trace messages whose send failed (their records are lost) */
    public long failedCount() {
        return failed.get();
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                ship(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    ship(batch);
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("shipping traces failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void ship(List<Entry> batch) {
        StringBuilder body = new StringBuilder(1024);
        Set<String> keys = new LinkedHashSet<>();
        for (Entry e : batch) {
            if (body.length() > 0 && body.length() + e.data().length() > MAX_BODY_BYTES) {
                send(body.toString(), keys);
                body.setLength(0);
                keys.clear();
            }
            body.append(e.data());
            keys.add(e.msgId());
            if (e.keys() != null && !e.keys().isEmpty()) {
                keys.add(e.keys());
            }
        }
        if (body.length() > 0) {
            send(body.toString(), keys);
        }
    }

    private void send(String body, Set<String> keys) {
        try {
            Message message = new Message(traceTopic, body.getBytes(StandardCharsets.UTF_8));
            message.setKeys(keys);
            producer().send(message);
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.debug("sending a trace message to {} failed: {}", traceTopic, e.toString());
        }
    }

    private Producer producer() {
        if (producer == null) {
            Producer created = new Producer(TraceEncoder.TRACE_PRODUCER_GROUP_PREFIX + "-" + ownerGroup, config);
            created.setInstanceName(config.getInstanceName() + "-trace-" + Math.abs(ownerGroup.hashCode()));
            created.start();
            producer = created;
        }
        return producer;
    }

    /** Ships what is queued (waiting up to {@code awaitMillis}), then stops the inner producer. */
    public void shutdown(long awaitMillis) {
        running = false;
        try {
            worker.join(Math.max(1, awaitMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            try {
                worker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.shutdown();
        }
    }
}
