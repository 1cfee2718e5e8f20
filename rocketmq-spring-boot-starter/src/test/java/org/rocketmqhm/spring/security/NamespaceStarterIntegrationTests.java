package org.rocketmqhm.spring.security;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.test.EmbeddedRocketMQ;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Namespace round trip through the starter: the template's producer (rocketmq.producer.namespace) and a listener
 * whose namespace is a placeholder; the broker stores {@code tenant-a%ns-orders}, users only see {@code ns-orders}.
 */
@SpringBootTest(classes = NamespaceStarterIntegrationTests.App.class, properties = {
    "rocketmq.producer.group=ns-producer", "rocketmq.producer.namespace=tenant-a", "app.tenant=tenant-a"})
@EmbeddedRocketMQ
class NamespaceStarterIntegrationTests {

    static final BlockingQueue<MessageExt> RECEIVED = new LinkedBlockingQueue<>();

    @RocketMQMessageListener(topic = "ns-orders", consumerGroup = "ns-listener", namespace = "${app.tenant}")
    static class Listener implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            RECEIVED.add(message);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(RocketMQAutoConfiguration.class)
    @Import(Listener.class)
    static class App {
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    EmbeddedRocketMQBroker broker;

    @Test
    void templateAndListenerWithTheSameNamespaceMeetOnTheWrappedTopic() throws Exception {
        SendResult result = template.syncSend("ns-orders", "tenant message");
        assertThat(result.messageQueue().topic()).isEqualTo("ns-orders");

        MessageExt received = RECEIVED.poll(30, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.getTopic()).isEqualTo("ns-orders");
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).isEqualTo("tenant message");

        // the broker only knows the wrapped names
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(broker.broker().committedOffsets())
            .containsKey("tenant-a%ns-orders@tenant-a%ns-listener"));
    }
}
