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
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @EmbeddedRocketMQ} starts our own name server and broker; the template sends to it. */
@SpringBootTest(classes = EmbeddedRocketMQIntegrationTests.App.class)
@EmbeddedRocketMQ
class EmbeddedRocketMQIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(RocketMQAutoConfiguration.class)
    static class App {
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    EmbeddedRocketMQBroker broker;

    @Value("${rocketmq.name-server}")
    String nameServer;

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
