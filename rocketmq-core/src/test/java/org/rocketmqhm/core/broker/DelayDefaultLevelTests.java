package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Delay level 2 of the default table (5 s) with Apache's 4.9.7 client: not early, at most ~1 s late. */
class DelayDefaultLevelTests {

    @TempDir
    Path dir;

    @Test
    void levelTwoArrivesAfterFiveAndBeforeSevenSeconds() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start(dir)) {
            DefaultMQProducer producer = ApacheClients.producer(fixture, "pg-delay");
            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            DefaultMQPushConsumer consumer = ApacheClients.consumer(fixture, "cg-delay", "DelayTopic", "*",
                (MessageListenerConcurrently) (msgs, ctx) -> {
                    long now = System.currentTimeMillis();
                    msgs.forEach(m -> arrivals.put(new String(m.getBody(), StandardCharsets.UTF_8),
                        now - m.getBornTimestamp()));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            try {
                producer.send(new Message("DelayTopic", "warm-up".getBytes(StandardCharsets.UTF_8)));
                consumer.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> arrivals.containsKey("warm-up"));

                Message delayed = new Message("DelayTopic", "delayed".getBytes(StandardCharsets.UTF_8));
                delayed.setDelayTimeLevel(2);
                producer.send(delayed);
                await().atMost(Duration.ofSeconds(9)).until(() -> arrivals.containsKey("delayed"));
                assertThat(arrivals.get("delayed")).isBetween(5000L, 7000L);
            } finally {
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }
}
