package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.ReplyMessages;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.spring.annotation.ExtRocketMQConsumerConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.SendCallback;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.support.RocketMQHeaders;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** RocketMQTemplate against our broker (one for the class), checked with our client's push consumer. */
class RocketMQTemplateIntegrationTests {

    static EmbeddedRocketMQBroker broker;

    private final List<PushConsumer> consumers = new ArrayList<>();
    private final List<Producer> producers = new ArrayList<>();

    record Order(String id, int amount) {
    }

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedRocketMQBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void stopClients() {
        consumers.forEach(PushConsumer::shutdown);
        producers.forEach(Producer::shutdown);
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RocketMQAutoConfiguration.class))
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(), "spring.application.name=it-app");
    }

    private BlockingQueue<MessageExt> consume(String topic) throws Exception {
        broker.createTopic(topic, 4);
        BlockingQueue<MessageExt> received = new LinkedBlockingQueue<>();
        PushConsumer consumer = new PushConsumer("verify-" + topic);
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("verify-" + topic);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, queue) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        return received;
    }

    private static MessageExt next(BlockingQueue<MessageExt> queue) throws InterruptedException {
        MessageExt m = queue.poll(20, TimeUnit.SECONDS);
        assertThat(m).as("message within 20 s").isNotNull();
        return m;
    }

    private static String body(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void syncSendCarriesTagKeysAndUserProperties() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-sync");
        runner().run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            assertThat(template.isRunning()).isTrue();
            SendResult result = template.syncSend("it-sync:created", MessageBuilder.withPayload("hello")
                .setHeader(RocketMQHeaders.KEYS, List.of("k1", "k2")).setHeader("color", "red").build());
            assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
            MessageExt m = next(received);
            assertThat(body(m)).isEqualTo("hello");
            assertThat(m.getTags()).isEqualTo("created");
            assertThat(m.getKeys()).isEqualTo("k1 k2");
            assertThat(m.getUserProperty("color")).isEqualTo("red");
            assertThat(m.getMsgId()).isEqualTo(result.msgId());
        });
    }

    @Test
    void convertAndSendWritesPojoAsJson() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-pojo");
        runner().run(ctx -> {
            ctx.getBean(RocketMQTemplate.class).convertAndSend("it-pojo", new Order("o-1", 3));
            assertThat(body(next(received))).isEqualTo("{\"id\":\"o-1\",\"amount\":3}");
        });
    }

    @Test
    void asyncSendCompletesFutureAndCallback() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-async");
        runner().run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            SendResult viaFuture = template.asyncSend("it-async", "one").get(10, TimeUnit.SECONDS);
            CompletableFuture<SendResult> viaCallback = new CompletableFuture<>();
            template.asyncSend("it-async", "two", new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    viaCallback.complete(result);
                }

                @Override
                public void onException(Throwable error) {
                    viaCallback.completeExceptionally(error);
                }
            });
            assertThat(viaFuture.status()).isEqualTo(SendStatus.SEND_OK);
            assertThat(viaCallback.get(10, TimeUnit.SECONDS).status()).isEqualTo(SendStatus.SEND_OK);
            assertThat(Set.of(body(next(received)), body(next(received)))).containsExactlyInAnyOrder("one", "two");
        });
    }

    @Test
    void sendOneWayArrives() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-oneway");
        runner().run(ctx -> {
            ctx.getBean(RocketMQTemplate.class).sendOneWay("it-oneway", "fire");
            assertThat(body(next(received))).isEqualTo("fire");
        });
    }

    @Test
    void orderlySendKeepsEqualHashKeysOnOneQueue() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-orderly");
        runner().run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            Set<Integer> queues = new java.util.HashSet<>();
            for (int i = 0; i < 6; i++) {
                queues.add(template.syncSendOrderly("it-orderly", "m" + i, "customer-7").messageQueue().queueId());
            }
            assertThat(queues).hasSize(1);
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                MessageExt m = next(received);
                assertThat(m.getQueueId()).isEqualTo(queues.iterator().next());
                bodies.add(body(m));
            }
            assertThat(bodies).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
        });
    }

    @Test
    void batchSendDeliversEveryMessage() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-batch");
        runner().run(ctx -> {
            List<org.springframework.messaging.Message<String>> batch = List.of(MessageBuilder.withPayload("a").build(),
                MessageBuilder.withPayload("b").build(), MessageBuilder.withPayload("c").build());
            SendResult result = ctx.getBean(RocketMQTemplate.class).syncSend("it-batch:bt", batch);
            assertThat(result.status()).isEqualTo(SendStatus.SEND_OK);
            Set<String> bodies = Set.of(body(next(received)), body(next(received)), body(next(received)));
            assertThat(bodies).containsExactlyInAnyOrder("a", "b", "c");
        });
    }

    @Test
    void delayedSendArrivesLater() throws Exception {
        BlockingQueue<MessageExt> received = consume("it-delay");
        runner().run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            long sent = System.nanoTime();
            template.syncSend("it-delay", MessageBuilder.withPayload("later").build(), 3000, 2);
            template.syncSendDelayTimeSeconds("it-delay", "later-too", 4);
            MessageExt m = next(received);
            // the embedded broker's delay levels are all one second
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isGreaterThanOrEqualTo(900);
            assertThat(Set.of(body(m), body(next(received)))).containsExactlyInAnyOrder("later", "later-too");
        });
    }

    @Test
    void sendAndReceiveGetsTypedReply() throws Exception {
        broker.createTopic("it-request", 4);
        Producer replier = new Producer("it-replier");
        replier.setNamesrvAddr(broker.nameServerAddress());
        replier.setInstanceName("it-replier");
        replier.start();
        producers.add(replier);
        PushConsumer consumer = new PushConsumer("it-request-group");
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("it-request-group");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("it-request", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, c) -> {
            for (MessageExt m : msgs) {
                try {
                    String reply = "{\"id\":\"" + body(m) + "\",\"amount\":42}";
                    replier.send(ReplyMessages.reply(m, reply.getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        runner().run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            Order order = template.sendAndReceive("it-request", MessageBuilder.withPayload("o-9").build(), Order.class,
                10_000);
            assertThat(order).isEqualTo(new Order("o-9", 42));
            CompletableFuture<Order> async = template.sendAndReceiveAsync("it-request",
                MessageBuilder.withPayload("o-10").build(), Order.class, 10_000);
            assertThat(async.get(15, TimeUnit.SECONDS)).isEqualTo(new Order("o-10", 42));
        });
    }

    @Test
    void receivePullsConvertedMessagesFromThePullConsumerTopic() throws Exception {
        broker.createTopic("it-receive", 2);
        runner().withPropertyValues("rocketmq.pull-consumer.group=it-receiver", "rocketmq.pull-consumer.topic=it-receive",
                "rocketmq.pull-consumer.pull-batch-size=5")
            .run(ctx -> {
                assertThat(ctx).hasSingleBean(org.rocketmqhm.core.client.consumer.LitePullConsumer.class);
                RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
                for (int i = 0; i < 3; i++) {
                    template.syncSend("it-receive", new Order("r" + i, i));
                }
                List<Order> received = new ArrayList<>();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> {
                        received.addAll(template.receive(Order.class, 500));
                        return received.size() >= 3;
                    });
                assertThat(received).containsExactlyInAnyOrder(new Order("r0", 0), new Order("r1", 1),
                    new Order("r2", 2));
                assertThat(template.receive(String.class, 200)).isEmpty();
            });
    }

    /** A second template that only receives, from its own group and topic. */
    @ExtRocketMQConsumerConfiguration(group = "it-ext-receiver", topic = "${test.ext-topic}", selectorExpression = "keep")
    static class ReportTemplate extends RocketMQTemplate {
    }

    @Test
    void extConsumerConfigurationGivesATemplateItsOwnPullConsumer() throws Exception {
        broker.createTopic("it-ext-receive", 2);
        runner().withPropertyValues("test.ext-topic=it-ext-receive").withBean(ReportTemplate.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            RocketMQTemplate sender = ctx.getBean("rocketMQTemplate", RocketMQTemplate.class);
            sender.syncSend("it-ext-receive:drop", "dropped");
            sender.syncSend("it-ext-receive:keep", "kept");
            ReportTemplate reports = ctx.getBean(ReportTemplate.class);
            assertThat(reports.isRunning()).isTrue();
            List<String> received = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                received.addAll(reports.receive(String.class, 500));
                return !received.isEmpty();
            });
            assertThat(received).containsExactly("kept");
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> sender.receive(String.class, 10))
                .withMessageContaining("rocketmq.pull-consumer.group");
        });
    }

    @Test
    void sendToBadTopicFailsWithMessagingException() {
        runner().run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> template.syncSend("bad topic!", "x"))
                .isInstanceOf(org.springframework.messaging.MessagingException.class);
        });
    }

    @SuppressWarnings("unused")
    private static String joined(List<MessageExt> messages) {
        return messages.stream().map(RocketMQTemplateIntegrationTests::body).collect(Collectors.joining(","));
    }

    @SuppressWarnings("unused")
    private static final Duration WAIT = Duration.ofSeconds(20);
}
