package org.rocketmqhm.core.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.header.QueueRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.BrokerTestBase;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consume timeout, {@code delayLevelWhenNextConsume} and {@code awaitTerminationMillisWhenShutdown} of the push
 * consumer against our broker (all delay levels 1 s; the level chosen is read from the schedule topic's queues).
 */
class PushConsumerTimeoutAndDelayIntegrationTests extends BrokerTestBase {

    private static final String ALL_ONE_SECOND = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    private final NettyRemotingClient raw = new NettyRemotingClient(new NettyClientConfig());

    @Override
    protected BrokerFixture startBroker(Path dir) {
        return OurRocketMQ.start(dir, ALL_ONE_SECOND);
    }

    @AfterAll
    void stopRaw() {
        raw.shutdown();
    }

    private synchronized long maxOffset(String topic, int queueId) throws Exception {
        RemotingCommand response = raw.invokeSync(broker().brokerAddress(),
            RemotingCommand.request(RequestCode.GET_MAX_OFFSET, new QueueRequestHeader(topic, queueId, "broker-a")),
            3000);
        if (response.getCode() != ResponseCode.SUCCESS) {
            return 0;
        }
        return Long.parseLong(response.getExtFields().get("offset"));
    }

    private void send(String topic, String body) {
        Producer producer = new Producer(unique("pg"));
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.start();
        try {
            producer.send(new Message(topic, "T", null, body.getBytes(StandardCharsets.UTF_8)));
        } finally {
            producer.shutdown();
        }
    }

    private PushConsumer consumer(String group, String topic, Consumer<PushConsumer> setup,
                                  MessageListenerConcurrently listener) {
        PushConsumer consumer = new PushConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("c"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        setup.accept(consumer);
        consumer.registerMessageListener(listener);
        consumer.start();
        return consumer;
    }

    @Test
    void messageExceedingTheConsumeTimeoutIsSentBackWithLevel3AndNoLongerHoldsTheOffset() throws Exception {
        String topic = unique("TimeoutTopic");
        String group = unique("cg");
        send(topic, "slow");
        long level3Before = maxOffset(SystemTopics.SCHEDULE_TOPIC, 2);
        CountDownLatch release = new CountDownLatch(1);
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        AtomicBoolean firstStillRunning = new AtomicBoolean();
        PushConsumer consumer = consumer(group, topic, c -> c.setConsumeTimeoutMillis(1000), (msgs, q) -> {
            deliveries.addAll(msgs);
            if (deliveries.size() == 1) {
                firstStillRunning.set(true);
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                firstStillRunning.set(false);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("admin"));
        admin.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 2);
            assertThat(firstStillRunning).as("the first call is still blocked").isTrue();
            assertThat(deliveries.get(1).getReconsumeTimes()).isEqualTo(1);
            assertThat(deliveries.get(1).getMsgId()).isEqualTo(deliveries.get(0).getMsgId());
            assertThat(maxOffset(SystemTopics.SCHEDULE_TOPIC, 2)).isGreaterThan(level3Before);
            // the stuck message no longer holds back the group's committed offset (persisted every 5 s)
            await().atMost(Duration.ofSeconds(15))
                .until(() -> admin.consumerProgress(group, topic).totalLag() == 0);
        } finally {
            release.countDown();
            admin.shutdown();
            consumer.shutdown();
        }
    }

    private void failOnceWithDelayLevel(int level, String expectedTopic, int expectedQueue) throws Exception {
        String topic = unique("DelayTopic");
        String group = unique("cg");
        String target = expectedTopic != null ? expectedTopic : SystemTopics.dlqTopic(group);
        send(topic, "fail-" + level);
        long before = maxOffset(target, expectedQueue);
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        PushConsumer consumer = consumer(group, topic, c -> c.setDelayLevelWhenNextConsume(level), (msgs, q) -> {
            deliveries.addAll(msgs);
            return deliveries.size() == 1 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> maxOffset(target, expectedQueue) > before);
            if (level >= 0) {
                await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 2);
                assertThat(deliveries.get(1).getReconsumeTimes()).isEqualTo(1);
            }
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void delayLevelMinusOneSendsAFailedMessageStraightToTheDlq() throws Exception {
        failOnceWithDelayLevel(-1, null, 0);
    }

    @Test
    void delayLevelZeroLetsTheBrokerChooseThreePlusReconsumeTimes() throws Exception {
        failOnceWithDelayLevel(0, SystemTopics.SCHEDULE_TOPIC, 2);
    }

    @Test
    void positiveDelayLevelIsUsedAsIs() throws Exception {
        failOnceWithDelayLevel(5, SystemTopics.SCHEDULE_TOPIC, 4);
    }

    @Test
    void shutdownWaitsForASlowInFlightMessageAndCommitsItsOffset() throws Exception {
        String topic = unique("DrainTopic");
        String group = unique("cg");
        send(topic, "slow");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        PushConsumer consumer = consumer(group, topic, c -> c.setAwaitTerminationMillisWhenShutdown(10_000),
            (msgs, q) -> {
                started.countDown();
                try {
                    Thread.sleep(1500); // the slow listener under test, not a poll
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
                finished.set(true);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        consumer.shutdown();
        assertThat(finished).as("in-flight message finished before shutdown returned").isTrue();
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("admin"));
        admin.start();
        try {
            assertThat(admin.consumerProgress(group, topic).totalLag()).isZero();
        } finally {
            admin.shutdown();
        }
    }
}
