package org.rocketmqhm.benchmark;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed send rate (one pacing thread, asynchronous sends) with a consumer running; each body starts with the {@link System#nanoTime()} of its send
 * (8 bytes, big-endian), so end-to-end latency is taken in one JVM and one clock. Only messages sent inside the
 * measured window count.
 *
 * @since 0.1.0
 */
final class EndToEndScenario {

    private final Clients clients;
    private final String topic;
    private final int rate;
    private final int size;
    private final AtomicLong inFlight = new AtomicLong();

    EndToEndScenario(Clients clients, String topic, int rate, int size) {
        this.clients = clients;
        this.topic = topic;
        this.rate = rate;
        this.size = Math.max(Long.BYTES, size);
    }

    ScenarioResult run(String label, int warmupSeconds, int durationSeconds) throws Exception {
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds) + TimeUnit.SECONDS.toNanos(2);
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(durationSeconds);
        LatencyRecorder e2e = new LatencyRecorder();
        AtomicLong received = new AtomicLong();
        DefaultMQPushConsumer consumer = clients.pushConsumer("bench_e2e_" + clients.runId(), topic);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.nanoTime();
            for (MessageExt message : messages) {
                long sentAt = ByteBuffer.wrap(message.getBody()).getLong();
                if (sentAt >= warmupEnd && sentAt < end) {
                    received.incrementAndGet();
                    synchronized (e2e) {
                        e2e.recordNanos(now - sentAt);
                    }
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        DefaultMQProducer producer = clients.producer("bench_e2e_producer_" + clients.runId());
        producer.start();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        try {
            Thread pacer = new Thread(() -> send(producer, warmupEnd, end, sent, errors), "bench-e2e-pacer");
            pacer.start();
            pacer.join();
            long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while ((received.get() < sent.get() || inFlight.get() > 0) && System.nanoTime() < drainDeadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
        ScenarioResult result = new ScenarioResult(label, "e2e")
                .put("target_rate", rate)
                .put("size_bytes", size)
                .put("duration_s", durationSeconds)
                .put("sent", sent.get())
                .put("errors", errors.get())
                .put("achieved_rate", sent.get() / (double) durationSeconds)
                .put("received", received.get());
        synchronized (e2e) {
            e2e.putInto(result, "e2e_");
        }
        return result;
    }

    /** One pacing thread, asynchronous sends: the rate holds whatever the send latency is. */
    private void send(DefaultMQProducer producer, long warmupEnd, long end, AtomicLong sent, AtomicLong errors) {
        long intervalNanos = 1_000_000_000L / rate;
        long due = System.nanoTime();
        while (due < end) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long now = System.nanoTime();
            byte[] body = new byte[size];
            ByteBuffer.wrap(body).putLong(now);
            boolean measured = now >= warmupEnd && now < end;
            inFlight.incrementAndGet();
            try {
                producer.send(new Message(topic, "e2e", body), new SendCallback() {
                    @Override
                    public void onSuccess(SendResult result) {
                        inFlight.decrementAndGet();
                        if (measured) {
                            (result.getSendStatus() == SendStatus.SEND_OK ? sent : errors).incrementAndGet();
                        }
                    }

                    @Override
                    public void onException(Throwable e) {
                        inFlight.decrementAndGet();
                        if (measured) {
                            errors.incrementAndGet();
                        }
                    }
                });
            } catch (Exception e) {
                inFlight.decrementAndGet();
                if (measured) {
                    errors.incrementAndGet();
                }
            }
            due += intervalNanos;
        }
    }
}
