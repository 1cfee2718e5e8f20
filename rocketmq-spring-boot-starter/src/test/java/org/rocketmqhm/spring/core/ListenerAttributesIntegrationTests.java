package org.rocketmqhm.spring.core;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.TopicOffset;
import org.rocketmqhm.spring.annotation.ConsumeMode;
import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.rocketmqhm.spring.support.ListenerEndpoint;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code @RocketMQMessageListener} attributes that reach the client (consume timeout, delay level of a failed
 * message, orderly suspension, drain on stop, reconsume limit, thread count), each checked on a real
 * {@link DefaultRocketMQListenerContainer} with the default {@link PushListenerConsumerFactory} against our
 * embedded broker (all delay levels 1 s).
 */
class ListenerAttributesIntegrationTests {

    static EmbeddedRocketMQBroker broker;
    static Producer producer;
    static AdminClient admin;
    static final AtomicInteger NAMES = new AtomicInteger();

    @BeforeAll
    static void start() {
        broker = EmbeddedRocketMQBroker.start();
        producer = new Producer("attr-producer");
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("attr-producer");
        producer.start();
        admin = new AdminClient();
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName("attr-admin");
        admin.start();
    }

    @AfterAll
    static void stop() {
        admin.shutdown();
        producer.shutdown();
        broker.close();
    }

    /** A String listener whose behaviour the test sets. */
    static final class Probe implements RocketMQListener<String> {
        final Consumer<String> behaviour;

        Probe(Consumer<String> behaviour) {
            this.behaviour = behaviour;
        }

        @Override
        public void onMessage(String message) {
            behaviour.accept(message);
        }
    }

    static ListenerEndpoint endpoint(String group, String topic) {
        return new ListenerEndpoint("probe", group, topic, SelectorType.TAG, "*", ConsumeMode.CONCURRENTLY,
            MessageModel.CLUSTERING, 20, 64, -1, 15, 3000, broker.nameServerAddress(), "", "", "", "", false, "",
            false, 0, 1000, 1000, "");
    }

    static DefaultRocketMQListenerContainer container(String topic, Consumer<String> behaviour,
                                                      UnaryOperator<ListenerEndpoint> customize) {
        broker.createTopic(topic, 1);
        ListenerEndpoint endpoint = customize.apply(endpoint(topic + "-group", topic));
        DefaultRocketMQListenerContainer container = new DefaultRocketMQListenerContainer(endpoint,
            new Probe(behaviour), new RocketMQMessageConverter(), new PushListenerConsumerFactory(), () -> producer);
        container.start();
        return container;
    }

    static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static void send(String topic, String body) {
        producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
    }

    static long messagesIn(String topic) {
        try {
            return admin.topicStats(topic).values().stream().mapToLong(TopicOffset::maxOffset).sum();
        } catch (RuntimeException e) {
            return 0; // the topic does not exist yet
        }
    }

    static ListenerEndpoint with(ListenerEndpoint e, int threads, int maxReconsume, long consumeTimeout,
                                 ConsumeMode mode, int delayLevel, int suspendMillis, int awaitMillis) {
        return new ListenerEndpoint(e.beanName(), e.consumerGroup(), e.topic(), e.selectorType(),
            e.selectorExpression(), mode, e.messageModel(), threads, e.consumeThreadMax(), maxReconsume,
            consumeTimeout, e.replyTimeoutMillis(), e.nameServer(), e.accessChannel(), e.accessKey(), e.secretKey(),
            e.namespace(), e.enableMsgTrace(), e.customizedTraceTopic(), e.tlsEnable(), delayLevel, suspendMillis,
            awaitMillis, e.instanceName());
    }

    @Test
    void factoryPassesEveryConsumerAttributeToThePushConsumer() {
        ListenerEndpoint e = with(endpoint("g-map", "t-map"), 3, 5, 7, ConsumeMode.CONCURRENTLY, -1, 1500, 2500);
        PushConsumer consumer = (PushConsumer) new PushListenerConsumerFactory().create(e, m -> { }).nativeConsumer();
        assertThat(consumer.getConsumeThreadMin()).isEqualTo(3);
        assertThat(consumer.getConsumeThreadMax()).isEqualTo(64);
        assertThat(consumer.getMaxReconsumeTimes()).isEqualTo(5);
        assertThat(consumer.getConsumeTimeout()).isEqualTo(7);
        assertThat(consumer.getDelayLevelWhenNextConsume()).isEqualTo(-1);
        assertThat(consumer.getSuspendCurrentQueueTimeMillis()).isEqualTo(1500);
        assertThat(consumer.getAwaitTerminationMillisWhenShutdown()).isEqualTo(2500);
    }

    @Test
    void delayLevelMinusOneSendsTheFailedMessageToTheDlqWithoutRedelivery() {
        String topic = unique("attr-dlq");
        AtomicInteger deliveries = new AtomicInteger();
        DefaultRocketMQListenerContainer c = container(topic, m -> {
            deliveries.incrementAndGet();
            throw new IllegalStateException("fail " + m);
        }, e -> with(e, 20, -1, 15, ConsumeMode.CONCURRENTLY, -1, 1000, 1000));
        try {
            send(topic, "to-dlq");
            String dlq = SystemTopics.dlqTopic(topic + "-group");
            await().atMost(Duration.ofSeconds(20)).until(() -> messagesIn(dlq) == 1);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> deliveries.get() == 1);
        } finally {
            c.stop();
        }
    }

    @Test
    void maxReconsumeTimesLimitsRedeliveriesBeforeTheDlq() {
        String topic = unique("attr-max");
        AtomicInteger deliveries = new AtomicInteger();
        DefaultRocketMQListenerContainer c = container(topic, m -> {
            deliveries.incrementAndGet();
            throw new IllegalStateException("fail " + m);
        }, e -> with(e, 20, 1, 15, ConsumeMode.CONCURRENTLY, 0, 1000, 1000));
        try {
            send(topic, "twice");
            String dlq = SystemTopics.dlqTopic(topic + "-group");
            await().atMost(Duration.ofSeconds(20)).until(() -> messagesIn(dlq) == 1);
            assertThat(deliveries).hasValue(2);
        } finally {
            c.stop();
        }
    }

    @Test
    void orderlyFailureSuspendsTheQueueForSuspendCurrentQueueTimeMillis() {
        String topic = unique("attr-suspend");
        List<Long> deliveredAt = new CopyOnWriteArrayList<>();
        DefaultRocketMQListenerContainer c = container(topic, m -> {
            deliveredAt.add(System.nanoTime());
            if (deliveredAt.size() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
        }, e -> with(e, 20, -1, 15, ConsumeMode.ORDERLY, 0, 2000, 1000));
        try {
            send(topic, "ordered");
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveredAt.size() >= 2);
            assertThat(TimeUnit.NANOSECONDS.toMillis(deliveredAt.get(1) - deliveredAt.get(0)))
                .isGreaterThanOrEqualTo(2000);
        } finally {
            c.stop();
        }
    }

    @Test
    void stopWaitsForASlowInFlightMessage() throws Exception {
        String topic = unique("attr-drain");
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        DefaultRocketMQListenerContainer c = container(topic, m -> {
            started.countDown();
            try {
                Thread.sleep(1500); // the slow listener under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            finished.set(true);
        }, e -> with(e, 20, -1, 15, ConsumeMode.CONCURRENTLY, 0, 1000, 10_000));
        send(topic, "slow");
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        c.stop();
        assertThat(finished).as("the in-flight message finished before stop() returned").isTrue();
        assertThat(admin.consumerProgress(topic + "-group", topic).totalLag()).isZero();
    }

    @Test
    void consumeThreadNumberBoundsConcurrentListenerCalls() {
        String topic = unique("attr-threads");
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        DefaultRocketMQListenerContainer c = container(topic, m -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }, e -> with(e, 2, -1, 15, ConsumeMode.CONCURRENTLY, 0, 1000, 1000));
        try {
            for (int i = 0; i < 6; i++) {
                send(topic, "m" + i);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> inFlight.get() == 2);
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> peak.get() == 2);
        } finally {
            release.countDown();
            c.stop();
        }
    }
}
