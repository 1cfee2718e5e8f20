package org.rocketmqhm.benchmark;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * T threads of synchronous sends of S-byte bodies through one producer: a warm-up, then a measured window.
 * Messages sent during warm-up are counted in {@link #sentOk()} (the consume scenario drains them too) but not in
 * the figures.
 *
 * @since 0.1.0
 */
final class ProduceScenario {

    private final Clients clients;
    private final String topic;
    private final int threads;
    private final int size;
    private final AtomicLong sentOk = new AtomicLong();

    ProduceScenario(Clients clients, String topic, int threads, int size) {
        this.clients = clients;
        this.topic = topic;
        this.threads = threads;
        this.size = size;
    }

    /** @return every message acknowledged SEND_OK, warm-up included */
    long sentOk() {
        return sentOk.get();
    }

    ScenarioResult run(String label, String name, int warmupSeconds, int durationSeconds) throws Exception {
        DefaultMQProducer producer = clients.producer("bench_producer_" + clients.runId());
        producer.start();
        try {
            long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long end = warmupEnd + durationSeconds * 1_000_000_000L;
            List<Sender> senders = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Sender sender = new Sender(producer, warmupEnd, end);
                senders.add(sender);
                sender.thread.start();
            }
            LatencyRecorder latencies = new LatencyRecorder();
            long measured = 0;
            long errors = 0;
            for (Sender sender : senders) {
                sender.thread.join();
                latencies.merge(sender.latencies);
                measured += sender.measuredOk;
                errors += sender.measuredErrors;
            }
            double seconds = durationSeconds;
            ScenarioResult result = new ScenarioResult(label, name)
                    .put("threads", threads)
                    .put("size_bytes", size)
                    .put("duration_s", durationSeconds)
                    .put("sent", measured)
                    .put("errors", errors)
                    .put("msgs_per_s", measured / seconds)
                    .put("mb_per_s", measured * (double) size / seconds / (1024 * 1024));
            latencies.putInto(result, "send_");
            String firstError = senders.stream().map(s -> s.firstError).filter(e -> e != null).findFirst()
                    .orElse(null);
            if (firstError != null) {
                result.put("first_error", firstError);
            }
            return result;
        } finally {
            producer.shutdown();
        }
    }

    private final class Sender implements Runnable {
        final Thread thread = new Thread(this, "bench-sender");
        final LatencyRecorder latencies = new LatencyRecorder();
        private final DefaultMQProducer producer;
        private final long warmupEnd;
        private final long end;
        long measuredOk;
        long measuredErrors;
        String firstError;

        Sender(DefaultMQProducer producer, long warmupEnd, long end) {
            this.producer = producer;
            this.warmupEnd = warmupEnd;
            this.end = end;
        }

        @Override
        public void run() {
            byte[] body = new byte[size];
            for (int i = 0; i < size; i++) {
                body[i] = (byte) ('a' + i % 26);
            }
            long now;
            while ((now = System.nanoTime()) < end) {
                boolean ok;
                try {
                    SendResult result = producer.send(new Message(topic, "bench", body));
                    ok = result.getSendStatus() == SendStatus.SEND_OK;
                    if (!ok && firstError == null) {
                        firstError = result.getSendStatus().name();
                    }
                } catch (Exception e) {
                    ok = false;
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                }
                long done = System.nanoTime();
                if (ok) {
                    sentOk.incrementAndGet();
                }
                if (now >= warmupEnd && done <= end) {
                    if (ok) {
                        measuredOk++;
                        latencies.recordNanos(done - now);
                    } else {
                        measuredErrors++;
                    }
                }
            }
        }
    }
}
