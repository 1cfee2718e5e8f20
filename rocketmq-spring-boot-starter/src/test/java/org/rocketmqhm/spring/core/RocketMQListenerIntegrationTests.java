package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.annotation.ConsumeMode;
import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listener containers end to end on our push consumer (the default {@code ListenerConsumerFactory}) against our
 * broker, one embedded broker for the class (SQL92 filtering on, one-second delay levels for the retry).
 */
class RocketMQListenerIntegrationTests {

    static EmbeddedRocketMQBroker broker;

    record Order(String id, int amount) {
    }

    static final BlockingQueue<Object> STRINGS = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> POJOS = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> GENERICS = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> EXTS = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> SPRING_MESSAGES = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> RETRIED = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> SQL = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> ORDERLY = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> BROADCAST = new LinkedBlockingQueue<>();
    static final BlockingQueue<Object> SWITCHED_OFF = new LinkedBlockingQueue<>();
    static final AtomicInteger PREPARED = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedRocketMQBroker.start(false, 1000, "1s", "enablePropertyFilter=true",
            "messageDelayLevel=1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
        for (String t : List.of("l-string", "l-pojo", "l-generic", "l-ext", "l-message", "l-retry", "l-sql",
            "l-orderly", "l-broadcast", "l-off", "l-request")) {
            broker.createTopic(t, 4);
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @RocketMQMessageListener(topic = "l-string", consumerGroup = "${test.group-prefix}-string")
    static class StringListener implements RocketMQListener<String>, RocketMQPushConsumerLifecycleListener {
        public void onMessage(String message) {
            STRINGS.add(message);
        }

        public void prepareStart(PushConsumer consumer) {
            assertThat(consumer.getConsumerGroup()).isEqualTo("g-string");
            consumer.setPullBatchSize(16);
            PREPARED.incrementAndGet();
        }
    }

    @RocketMQMessageListener(topic = "l-pojo", consumerGroup = "g-pojo")
    static class PojoListener implements RocketMQListener<Order> {
        public void onMessage(Order message) {
            POJOS.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-generic", consumerGroup = "g-generic")
    static class GenericListener implements RocketMQListener<List<Order>> {
        public void onMessage(List<Order> message) {
            GENERICS.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-ext", consumerGroup = "g-ext")
    static class ExtListener implements RocketMQListener<MessageExt> {
        public void onMessage(MessageExt message) {
            EXTS.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-message", consumerGroup = "g-message")
    static class SpringMessageListener implements RocketMQListener<Message<Order>> {
        public void onMessage(Message<Order> message) {
            SPRING_MESSAGES.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-retry", consumerGroup = "g-retry")
    static class FailingOnceListener implements RocketMQListener<MessageExt> {
        public void onMessage(MessageExt message) {
            RETRIED.add(message.getReconsumeTimes());
            if (message.getReconsumeTimes() == 0) {
                throw new IllegalStateException("first delivery fails");
            }
        }
    }

    @RocketMQMessageListener(topic = "l-sql", consumerGroup = "g-sql", selectorType = SelectorType.SQL92,
        selectorExpression = "amount > 5")
    static class SqlListener implements RocketMQListener<String> {
        public void onMessage(String message) {
            SQL.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-orderly", consumerGroup = "g-orderly", consumeMode = ConsumeMode.ORDERLY)
    static class OrderlyListener implements RocketMQListener<String> {
        public void onMessage(String message) {
            ORDERLY.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-broadcast", consumerGroup = "g-broadcast",
        messageModel = MessageModel.BROADCASTING)
    static class BroadcastListener implements RocketMQListener<String> {
        public void onMessage(String message) {
            BROADCAST.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-off", consumerGroup = "g-off")
    static class SwitchedOffListener implements RocketMQListener<String> {
        public void onMessage(String message) {
            SWITCHED_OFF.add(message);
        }
    }

    @RocketMQMessageListener(topic = "l-request", consumerGroup = "g-request")
    static class ReplyingListener implements RocketMQReplyListener<Order, Order> {
        public Order onMessage(Order request) {
            return new Order(request.id(), request.amount() * 2);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class App {
        @Bean StringListener stringListener() {
            return new StringListener();
        }
        @Bean PojoListener pojoListener() {
            return new PojoListener();
        }
        @Bean GenericListener genericListener() {
            return new GenericListener();
        }
        @Bean ExtListener extListener() {
            return new ExtListener();
        }
        @Bean SpringMessageListener springMessageListener() {
            return new SpringMessageListener();
        }
        @Bean FailingOnceListener failingOnceListener() {
            return new FailingOnceListener();
        }
        @Bean SqlListener sqlListener() {
            return new SqlListener();
        }
        @Bean OrderlyListener orderlyListener() {
            return new OrderlyListener();
        }
        @Bean BroadcastListener broadcastListener() {
            return new BroadcastListener();
        }
        @Bean SwitchedOffListener switchedOffListener() {
            return new SwitchedOffListener();
        }
        @Bean ReplyingListener replyingListener() {
            return new ReplyingListener();
        }
    }

    private static Object next(BlockingQueue<Object> queue) throws InterruptedException {
        Object value = queue.poll(30, TimeUnit.SECONDS);
        assertThat(value).as("delivered within 30 s").isNotNull();
        return value;
    }

    @Test
    void listenersReceiveEveryParameterKindAndOption() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withUserConfiguration(App.class)
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(), "rocketmq.producer.group=l-app",
                "test.group-prefix=g", "rocketmq.consumer.listeners.g-off.l-off=false")
            .run(ctx -> {
                assertThat(ctx).hasNotFailed();
                assertThat(ctx.getBeansOfType(DefaultRocketMQListenerContainer.class)).hasSize(10)
                    .doesNotContainKey("switchedOffListenerRocketMQListenerContainer");
                DefaultRocketMQListenerContainer stringContainer = ctx.getBean(
                    "stringListenerRocketMQListenerContainer", DefaultRocketMQListenerContainer.class);
                assertThat(stringContainer.isRunning()).isTrue();
                assertThat(stringContainer.getEndpoint().consumerGroup()).isEqualTo("g-string");
                assertThat(PREPARED).hasValue(1);

                RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
                template.syncSend("l-string", "text");
                template.syncSend("l-pojo", new Order("p", 1));
                template.syncSend("l-generic", List.of(new Order("a", 1), new Order("b", 2)));
                template.syncSend("l-ext:tagX", "raw");
                template.syncSend("l-message", MessageBuilder.withPayload(new Order("m", 3)).setHeader("color", "blue")
                    .build());
                template.syncSend("l-retry", "again");
                template.syncSend("l-sql", MessageBuilder.withPayload("small").setHeader("amount", "1").build());
                template.syncSend("l-sql", MessageBuilder.withPayload("big").setHeader("amount", "9").build());
                for (int i = 0; i < 5; i++) {
                    template.syncSendOrderly("l-orderly", "o" + i, "same-key");
                }
                template.syncSend("l-broadcast", "everyone");
                template.syncSend("l-off", "nobody");

                assertThat(next(STRINGS)).isEqualTo("text");
                assertThat(next(POJOS)).isEqualTo(new Order("p", 1));
                assertThat(next(GENERICS)).isEqualTo(List.of(new Order("a", 1), new Order("b", 2)));
                MessageExt ext = (MessageExt) next(EXTS);
                assertThat(ext.getTags()).isEqualTo("tagX");
                assertThat(new String(ext.getBody(), StandardCharsets.UTF_8)).isEqualTo("raw");
                @SuppressWarnings("unchecked")
                Message<Order> message = (Message<Order>) next(SPRING_MESSAGES);
                assertThat(message.getPayload()).isEqualTo(new Order("m", 3));
                assertThat(message.getHeaders()).containsEntry("color", "blue").containsKey("rocketmq_MESSAGE_ID");
                assertThat(next(RETRIED)).isEqualTo(0);
                assertThat(next(RETRIED)).as("redelivered after the exception").isEqualTo(1);
                assertThat(next(SQL)).isEqualTo("big");
                for (int i = 0; i < 5; i++) {
                    assertThat(next(ORDERLY)).isEqualTo("o" + i);
                }
                assertThat(next(BROADCAST)).isEqualTo("everyone");

                Order reply = template.sendAndReceive("l-request", new Order("r", 21), Order.class);
                assertThat(reply).isEqualTo(new Order("r", 42));

                assertThat(SQL.poll(1, TimeUnit.SECONDS)).as("filtered out by SQL92").isNull();
                assertThat(SWITCHED_OFF).isEmpty();
            });
    }
}
