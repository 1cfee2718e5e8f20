package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * TLS between clients and our servers: our client against an enforcing broker (a plain client is turned away),
 * and Apache's 4.9.7 client with {@code useTLS} against permissive servers, which keep serving plain clients.
 */
class TlsIntegrationTests {

    @Test
    void ourTlsClientTalksToAnEnforcingBrokerThatRejectsPlainClients(@TempDir Path dir) {
        try (OurRocketMQ servers = OurRocketMQ.start(dir, namesrv -> namesrv.setTlsServerMode("permissive"),
            broker -> broker.setTlsServerMode("enforcing"))) {
            String topic = "TlsTopic";
            Producer producer = new Producer("tls-pg");
            producer.setNamesrvAddr(servers.nameServerAddress());
            producer.setInstanceName("tls-on");
            producer.setTlsEnable(true);
            producer.start();
            LitePullConsumer consumer = new LitePullConsumer("tls-cg");
            consumer.setNamesrvAddr(servers.nameServerAddress());
            consumer.setInstanceName("tls-on");
            consumer.setTlsEnable(true);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            Producer plain = new Producer("plain-pg");
            plain.setNamesrvAddr(servers.nameServerAddress());
            plain.setInstanceName("tls-off");
            plain.setRetryTimesWhenSendFailed(0);
            plain.setSendMsgTimeoutMillis(2000);
            try {
                assertThat(producer.send(new Message(topic, "secret".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(SendStatus.SEND_OK);
                consumer.subscribe(topic, MessageSelector.byTag("*"));
                consumer.start();
                List<MessageExt> polled = new ArrayList<>();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    polled.addAll(consumer.poll(Duration.ofMillis(200)));
                    return !polled.isEmpty();
                });
                assertThat(new String(polled.get(0).getBody(), StandardCharsets.UTF_8)).isEqualTo("secret");

                plain.start();
                assertThatThrownBy(() -> plain.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(ClientException.class);
            } finally {
                plain.shutdown();
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }

    @Test
    void apacheTlsClientsAndPlainClientsShareAPermissiveBroker(@TempDir Path dir) throws Exception {
        try (OurRocketMQ servers = OurRocketMQ.start(dir, namesrv -> namesrv.setTlsServerMode("permissive"),
            broker -> broker.setTlsServerMode("permissive"))) {
            String topic = "ApacheTlsTopic";
            DefaultMQProducer producer = new DefaultMQProducer("apache-tls-pg");
            producer.setNamesrvAddr(servers.nameServerAddress());
            producer.setInstanceName("apache-tls");
            producer.setUseTLS(true);
            producer.start();
            List<String> received = new CopyOnWriteArrayList<>();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("apache-tls-cg");
            consumer.setNamesrvAddr(servers.nameServerAddress());
            consumer.setInstanceName("apache-tls");
            consumer.setUseTLS(true);
            consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            Producer plain = new Producer("plain-pg");
            plain.setNamesrvAddr(servers.nameServerAddress());
            plain.setInstanceName("plain");
            try {
                assertThat(producer.send(new org.apache.rocketmq.common.message.Message(topic,
                    "over-tls".getBytes(StandardCharsets.UTF_8))).getSendStatus())
                    .isEqualTo(org.apache.rocketmq.client.producer.SendStatus.SEND_OK);
                plain.start();
                assertThat(plain.send(new Message(topic, "plain".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(SendStatus.SEND_OK);
                consumer.start();
                await().atMost(Duration.ofSeconds(30))
                    .until(() -> received.contains("over-tls") && received.contains("plain"));
            } finally {
                plain.shutdown();
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }
}
