package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Request-reply (SEND_REPLY_MESSAGE_V2 + PUSH_REPLY_MESSAGE_TO_CLIENT) with Apache's 4.9.7 client. */
class RequestReplyTests {

    @TempDir
    Path dir;

    @Test
    void requestGetsTheReplyCreatedWithMessageUtil() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start(dir)) {
            DefaultMQProducer requester = new DefaultMQProducer("pg-requester");
            ApacheClients.configure(requester, fixture);
            requester.setHeartbeatBrokerInterval(1000);
            requester.start();
            DefaultMQProducer replier = ApacheClients.producer(fixture, "pg-replier");
            Set<String> seen = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer server = ApacheClients.consumer(fixture, "cg-replier", "ReqTopic", "*",
                (MessageListenerConcurrently) (msgs, ctx) -> {
                    for (MessageExt m : msgs) {
                        String body = new String(m.getBody(), StandardCharsets.UTF_8);
                        seen.add(body);
                        if (m.getProperty(MessageConst.PROPERTY_CORRELATION_ID) != null) {
                            try {
                                Message reply = MessageUtil.createReplyMessage(m,
                                    ("re:" + body).getBytes(StandardCharsets.UTF_8));
                                replier.send(reply, 5000);
                            } catch (Exception e) {
                                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                            }
                        }
                    }
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            try {
                requester.send(new Message("ReqTopic", "warm-up".getBytes(StandardCharsets.UTF_8)));
                server.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("warm-up"));

                AtomicReference<Message> reply = new AtomicReference<>();
                // the requester becomes reachable once its next heartbeat (1 s) reaches the broker
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                    reply.set(requester.request(new Message("ReqTopic",
                        "ping".getBytes(StandardCharsets.UTF_8)), 3000));
                    return reply.get() != null;
                });
                assertThat(new String(reply.get().getBody(), StandardCharsets.UTF_8)).isEqualTo("re:ping");
                assertThat(reply.get().getTopic()).isEqualTo("DefaultCluster_REPLY_TOPIC");
                assertThat(reply.get().getProperty(MessageConst.PROPERTY_PUSH_REPLY_TIME)).isNotNull();

                long start = System.currentTimeMillis();
                Message second = requester.request(new Message("ReqTopic", "pong".getBytes(StandardCharsets.UTF_8)),
                    5000);
                assertThat(new String(second.getBody(), StandardCharsets.UTF_8)).isEqualTo("re:pong");
                assertThat(System.currentTimeMillis() - start).isLessThan(5000);
            } finally {
                server.shutdown();
                replier.shutdown();
                requester.shutdown();
            }
        }
    }
}
