package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordered consumption with Apache's 4.9.7 client: 10 orders x 20 steps through a MessageQueueSelector arrive per
 * order in strict order with MessageListenerOrderly (LOCK_BATCH_MQ / UNLOCK_BATCH_MQ), also while a second
 * orderly consumer joins the group and queues move.
 */
class OrderlyConsumeTests {

    static final int ORDERS = 10;
    static final int STEPS = 20;

    @TempDir
    Path dir;

    @Test
    void stepsOfEachOrderArriveInOrderWhileASecondConsumerJoins() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start(dir)) {
            DefaultMQProducer producer = ApacheClients.producer(fixture, "pg-order");
            Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
            MessageListenerOrderly listener = (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    String[] parts = new String(m.getBody(), StandardCharsets.UTF_8).split(":");
                    seen.computeIfAbsent(Integer.parseInt(parts[0]), k -> new CopyOnWriteArrayList<>())
                        .add(Integer.parseInt(parts[1]));
                }
                return ConsumeOrderlyStatus.SUCCESS;
            };
            MessageQueueSelector byOrder = (mqs, msg, arg) -> mqs.get((Integer) arg % mqs.size());
            DefaultMQPushConsumer first = ApacheClients.consumer(fixture, "cg-order", "OrderTopic", "*", listener);
            DefaultMQPushConsumer second = ApacheClients.consumer(fixture, "cg-order", "OrderTopic", "*", listener);
            try {
                send(producer, byOrder, 0, STEPS / 2);
                first.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> total(seen) > 0);
                second.start();
                send(producer, byOrder, STEPS / 2, STEPS);
                await().atMost(Duration.ofSeconds(40)).until(() -> distinctTotal(seen) >= ORDERS * STEPS);
            } finally {
                second.shutdown();
                first.shutdown();
                producer.shutdown();
            }
            for (int order = 0; order < ORDERS; order++) {
                List<Integer> steps = seen.get(order);
                // a queue moving between consumers may redeliver a tail (at-least-once), never reorder
                List<Integer> deduplicated = steps.stream().distinct().toList();
                assertThat(deduplicated).as("order %d", order).isSorted().hasSize(STEPS);
                assertThat(isNonDecreasingAllowingReplays(steps)).as("order %d: %s", order, steps).isTrue();
            }
        }
    }

    /** Every step is either the next one or a replay of an earlier contiguous run. */
    private static boolean isNonDecreasingAllowingReplays(List<Integer> steps) {
        int max = -1;
        for (int s : steps) {
            if (s > max + 1) {
                return false;
            }
            max = Math.max(max, s);
        }
        return true;
    }

    private static void send(DefaultMQProducer producer, MessageQueueSelector selector, int from, int to)
        throws Exception {
        for (int step = from; step < to; step++) {
            for (int order = 0; order < ORDERS; order++) {
                producer.send(new Message("OrderTopic", (order + ":" + step).getBytes(StandardCharsets.UTF_8)),
                    selector, order);
            }
        }
    }

    private static int total(Map<Integer, List<Integer>> seen) {
        return seen.values().stream().mapToInt(List::size).sum();
    }

    private static long distinctTotal(Map<Integer, List<Integer>> seen) {
        return seen.values().stream().mapToLong(l -> l.stream().distinct().count()).sum();
    }
}
