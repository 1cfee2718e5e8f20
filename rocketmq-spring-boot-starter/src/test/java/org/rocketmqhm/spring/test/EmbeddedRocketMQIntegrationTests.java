package org.rocketmqhm.spring.test;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.rocketmqhm.spring.core.RocketMQReplyListener;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @EmbeddedRocketMQ} starts our own name server and broker; the template sends to it. */
@SpringBootTest(classes = EmbeddedRocketMQIntegrationTests.App.class)
@EmbeddedRocketMQ(enablePropertyFilter = false, brokerProperties = {"enablePropertyFilter=true",
    "maxMessageSize=2097152"})
class EmbeddedRocketMQIntegrationTests {

    static final BlockingQueue<String> LISTENED = new LinkedBlockingQueue<>();

    @RocketMQMessageListener(topic = "embedded-listened", consumerGroup = "embedded-listener")
    static class Listener implements RocketMQListener<String> {
        public void onMessage(String message) {
            LISTENED.add(message);
        }
    }

    @RocketMQMessageListener(topic = "embedded-requests", consumerGroup = "embedded-replier")
    static class Replier implements RocketMQReplyListener<String, String> {
        public String onMessage(String message) {
            return message.toUpperCase();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(RocketMQAutoConfiguration.class)
    @Import({Listener.class, Replier.class})
    static class App {
    }

    @Test
    void listenerWorksAgainstOurBroker() throws Exception {
        template.syncSend("embedded-listened", "to the listener");
        assertThat(LISTENED.poll(30, TimeUnit.SECONDS)).isEqualTo("to the listener");
    }

    @Test
    void replyListenerWorksAgainstOurBroker() {
        // the topic is created by this first request; the replier picks it up at its next rebalance (up to 20 s)
        String reply = template.sendAndReceive("embedded-requests",
            org.springframework.messaging.support.MessageBuilder.withPayload("ping").build(), String.class, 30_000);
        assertThat(reply).isEqualTo("PING");
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    EmbeddedRocketMQBroker broker;

    @Value("${rocketmq.name-server}")
    String nameServer;

    @Test
    void brokerPropertiesApplyAfterTheOtherAttributes() {
        assertThat(broker.broker().config().isEnablePropertyFilter()).isTrue();
        assertThat(broker.broker().storeConfig().getMaxMessageSize()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void nameServerPropertyPointsAtEmbeddedBroker() {
        assertThat(nameServer).isEqualTo(broker.nameServerAddress()).startsWith("127.0.0.1:");
    }

    @Test
    void templateSendsToEmbeddedBrokerAndApacheConsumerReceives() throws Exception {
        assertThat(template.syncSend("embedded-topic:t1", "hello embedded").status()).isEqualTo(SendStatus.SEND_OK);
        BlockingQueue<MessageExt> received = new LinkedBlockingQueue<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("embedded-verify");
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("embedded-verify");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("embedded-topic", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            received.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            MessageExt m = received.poll(30, TimeUnit.SECONDS);
            assertThat(m).isNotNull();
            assertThat(new String(m.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello embedded");
            assertThat(m.getTags()).isEqualTo("t1");
        } finally {
            consumer.shutdown();
        }
    }
}
