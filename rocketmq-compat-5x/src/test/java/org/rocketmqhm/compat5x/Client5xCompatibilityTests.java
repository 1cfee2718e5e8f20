package org.rocketmqhm.compat5x;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.broker.LocalPlatform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Apache's 5.3 remoting client (producer, push consumer, lite pull consumer) against our name server and broker. */
class Client5xCompatibilityTests {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private LocalPlatform platform;

    @BeforeEach
    void start() {
        platform = LocalPlatform.start(dir);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private DefaultMQProducer producer() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("pg-5x");
        producer.setNamesrvAddr(platform.nameServerAddress());
        producer.setInstanceName("p5x-" + System.nanoTime());
        producer.start();
        return producer;
    }

    @Test
    void producesAndPushConsumesWithTagFilter() throws Exception {
        DefaultMQProducer producer = producer();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("cg-5x");
        consumer.setNamesrvAddr(platform.nameServerAddress());
        consumer.setInstanceName("c5x-" + System.nanoTime());
        Set<String> received = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < 10; i++) {
                SendResult result = producer.send(new Message("Topic5x", i % 2 == 0 ? "even" : "odd",
                    ("m" + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            consumer.subscribe("Topic5x", "even");
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(Compat5xSupport.WAIT).until(() -> received.size() == 5);
            assertThat(received).containsExactlyInAnyOrder("m0", "m2", "m4", "m6", "m8");
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void litePullConsumerDrainsATopic() throws Exception {
        DefaultMQProducer producer = producer();
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("lite-5x");
        consumer.setNamesrvAddr(platform.nameServerAddress());
        consumer.setInstanceName("l5x-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        Set<String> received = new HashSet<>();
        try {
            for (int i = 0; i < 20; i++) {
                producer.send(new Message("Lite5x", ("l" + i).getBytes(StandardCharsets.UTF_8)));
            }
            consumer.subscribe("Lite5x", "*");
            consumer.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < 20 && System.currentTimeMillis() < deadline) {
                for (MessageExt message : consumer.poll(1000)) {
                    received.add(new String(message.getBody(), StandardCharsets.UTF_8));
                }
            }
            assertThat(received).hasSize(20);
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
