package org.rocketmqhm.benchmark;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A push consumer in a new group, from the first offset, drains a topic until it has seen {@code expected}
 * distinct messages (queue id and queue offset), or until nothing arrives for 30 s.
 *
 * @since 0.1.0
 */
final class ConsumeScenario {

    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Clients clients;
    private final String topic;

    ConsumeScenario(Clients clients, String topic) {
        this.clients = clients;
        this.topic = topic;
    }

    ScenarioResult run(String label, long expected) throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet((int) Math.min(Integer.MAX_VALUE / 2, expected * 2));
        AtomicLong deliveries = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong firstArrival = new AtomicLong();
        DefaultMQPushConsumer consumer = clients.pushConsumer("bench_consume_" + clients.runId(), topic);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.nanoTime();
            firstArrival.compareAndSet(0, now);
            for (MessageExt message : messages) {
                seen.add(((long) message.getQueueId() << 48) | message.getQueueOffset());
            }
            deliveries.addAndGet(messages.size());
            lastArrival.set(now);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        long start = System.nanoTime();
        consumer.start();
        try {
            long lastProgress = start;
            int lastSeen = 0;
            while (seen.size() < expected) {
                TimeUnit.MILLISECONDS.sleep(20);
                int nowSeen = seen.size();
                long now = System.nanoTime();
                if (nowSeen != lastSeen) {
                    lastSeen = nowSeen;
                    lastProgress = now;
                } else if (now - lastProgress > STALL_NANOS) {
                    break;
                }
            }
        } finally {
            consumer.shutdown();
        }
        long received = seen.size();
        long end = lastArrival.get() == 0 ? System.nanoTime() : lastArrival.get();
        double seconds = (end - start) / 1e9;
        return new ScenarioResult(label, "consume")
                .put("expected", expected)
                .put("received", received)
                .put("deliveries", deliveries.get())
                .put("complete", received == expected)
                .put("seconds", seconds)
                .put("msgs_per_s", received / seconds)
                .put("first_message_ms", firstArrival.get() == 0 ? Double.NaN
                        : (firstArrival.get() - start) / 1e6);
    }
}
