package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Our name server and broker driven by Apache's stock 4.9.7 client. */
class BrokerSendPullTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = BrokerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static DefaultMQProducer producer(String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(fixture.namesrvAddr());
        producer.setInstanceName(group + "-" + System.nanoTime());
        producer.setSendMsgTimeout(10000);
        producer.start();
        return producer;
    }

    static DefaultMQPushConsumer pushConsumer(String group, String topic, String expression, MessageModel model,
                                              Set<String> sink) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(fixture.namesrvAddr());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMessageModel(model);
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                sink.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    @Test
    void syncAsyncOnewayAndBatchSendsAreStoredAndPushConsumerReceivesThem() throws Exception {
        String topic = "SendKinds";
        DefaultMQProducer producer = producer("pg-kinds");
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = null;
        try {
            SendResult sync = producer.send(new Message(topic, "A", "sync".getBytes(StandardCharsets.UTF_8)));
            assertThat(sync.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(sync.getOffsetMsgId()).isNotBlank();

            CompletableFuture<SendResult> async = new CompletableFuture<>();
            producer.send(new Message(topic, "A", "async".getBytes(StandardCharsets.UTF_8)), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    async.complete(result);
                }

                @Override
                public void onException(Throwable e) {
                    async.completeExceptionally(e);
                }
            });
            assertThat(async.get(10, TimeUnit.SECONDS).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            producer.sendOneway(new Message(topic, "A", "oneway".getBytes(StandardCharsets.UTF_8)));

            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(new Message(topic, "A", ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            SendResult batchResult = producer.send(batch);
            assertThat(batchResult.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(batchResult.getMsgId().split(",")).hasSize(3);

            consumer = pushConsumer("cg-kinds", topic, "*", MessageModel.CLUSTERING, received);
            await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> assertThat(received)
                .containsExactlyInAnyOrder("sync", "async", "oneway", "batch-0", "batch-1", "batch-2"));
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
        }
    }

    @Test
    void pushConsumerWithTagSubscriptionReceivesOnlyMatchingMessages() throws Exception {
        String topic = "Tagged";
        DefaultMQProducer producer = producer("pg-tags");
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = null;
        try {
            for (int i = 0; i < 10; i++) {
                String tag = i % 2 == 0 ? "TagA" : "TagB";
                producer.send(new Message(topic, tag, (tag + "-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            consumer = pushConsumer("cg-tags", topic, "TagA", MessageModel.CLUSTERING, received);
            await().atMost(Duration.ofSeconds(25)).until(() -> received.size() >= 5);
            // a late message arrives through long polling
            producer.send(new Message(topic, "TagA", "TagA-late".getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("TagA-late"));
            assertThat(received).containsExactlyInAnyOrder("TagA-0", "TagA-2", "TagA-4", "TagA-6", "TagA-8",
                "TagA-late");
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
        }
    }

    @Test
    void twoConsumersOfOneGroupSplitQueuesAndBroadcastingDeliversToBoth() throws Exception {
        String topic = "Shared";
        DefaultMQProducer producer = producer("pg-shared");
        Set<String> first = ConcurrentHashMap.newKeySet();
        Set<String> second = ConcurrentHashMap.newKeySet();
        Set<String> broadcastA = ConcurrentHashMap.newKeySet();
        Set<String> broadcastB = ConcurrentHashMap.newKeySet();
        List<DefaultMQPushConsumer> consumers = new ArrayList<>();
        try {
            producer.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
            consumers.add(pushConsumer("cg-shared", topic, "*", MessageModel.CLUSTERING, first));
            consumers.add(pushConsumer("cg-shared", topic, "*", MessageModel.CLUSTERING, second));
            consumers.add(pushConsumer("cg-bc", topic, "*", MessageModel.BROADCASTING, broadcastA));
            consumers.add(pushConsumer("cg-bc", topic, "*", MessageModel.BROADCASTING, broadcastB));
            Set<String> expected = ConcurrentHashMap.newKeySet();
            expected.add("x");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                // wait until both clustering members own queues
                return fixture.broker.isRunning() && first.size() + second.size() >= 1;
            });
            for (int i = 0; i < 40; i++) {
                String body = "m-" + i;
                expected.add(body);
                producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Set<String> union = ConcurrentHashMap.newKeySet();
                union.addAll(first);
                union.addAll(second);
                assertThat(union).containsAll(expected);
                assertThat(broadcastA).containsAll(expected);
                assertThat(broadcastB).containsAll(expected);
            });
            assertThat(first).isNotEmpty();
            assertThat(second).isNotEmpty();
        } finally {
            consumers.forEach(DefaultMQPushConsumer::shutdown);
            producer.shutdown();
        }
    }

    @Test
    void litePullConsumerDrainsTopic() throws Exception {
        String topic = "LitePull";
        DefaultMQProducer producer = producer("pg-lite");
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("cg-lite");
        try {
            for (int i = 0; i < 20; i++) {
                producer.send(new Message(topic, ("l-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            consumer.setNamesrvAddr(fixture.namesrvAddr());
            consumer.setInstanceName("lite-" + System.nanoTime());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.start();
            Set<String> received = ConcurrentHashMap.newKeySet();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (MessageExt m : consumer.poll(500)) {
                    received.add(new String(m.getBody(), StandardCharsets.UTF_8));
                }
                return received.size() >= 20;
            });
            assertThat(received).hasSize(20);
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
