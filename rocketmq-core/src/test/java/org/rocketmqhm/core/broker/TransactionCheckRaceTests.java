package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.producer.LocalTransactionState;
import org.rocketmqhm.core.client.producer.TransactionProducer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Regression for duplicate deliveries of checked-back transactions: with a check interval (200 ms) shorter than the
 * time a producer needs to answer a check (its check listener is slow), the check service used to check the
 * re-appended copy again, both checks were answered COMMIT and the message was delivered twice. Every transaction
 * here is UNKNOWN at first and COMMIT on check; each must be delivered exactly once, also while a late
 * END_TRANSACTION for an earlier copy (or the original half message) arrives. Apache 4.9.7's TransactionMQProducer
 * and our TransactionProducer.
 */
class TransactionCheckRaceTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;
    static final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    static DefaultMQPushConsumer consumer;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture(dir, b -> {
            b.setTransactionCheckInterval(200);
            b.setTransactionTimeOut(300);
        }, s -> { });
        var plain = ApacheClients.producer(fixture, "pg-tx-race-plain");
        plain.send(new Message("TxRace", "topic-created".getBytes(StandardCharsets.UTF_8))); // route for the consumer
        plain.shutdown();
        consumer = ApacheClients.consumer(fixture, "cg-tx-race", "TxRace", "*",
            (MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> delivered.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.setHeartbeatBrokerInterval(1000);
        consumer.start();
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        fixture.close();
    }

    static String body(Message msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    static void slowAnswer() {
        try {
            // slower than the check interval: the next check run starts before this answer arrives
            new CountDownLatch(1).await(450, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void assertEachDeliveredOnce(List<String> bodies) {
        await().atMost(Duration.ofSeconds(20))
            .until(() -> bodies.stream().allMatch(b -> delivered.containsKey(b)));
        // stays exactly once while further check runs happen
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() ->
            bodies.stream().allMatch(b -> delivered.get(b).get() == 1));
    }

    @Test
    void slowCheckAnswersOfApacheProducerAreDeliveredOnce() throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer("pg-tx-race-apache");
        ApacheClients.configure(producer, fixture);
        producer.setHeartbeatBrokerInterval(1000);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public org.apache.rocketmq.client.producer.LocalTransactionState executeLocalTransaction(Message msg,
                                                                                                  Object arg) {
                return org.apache.rocketmq.client.producer.LocalTransactionState.UNKNOW;
            }

            @Override
            public org.apache.rocketmq.client.producer.LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checks.computeIfAbsent(body(msg), k -> new AtomicInteger()).incrementAndGet();
                slowAnswer();
                return org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        try {
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "apache-" + i;
                bodies.add(body);
                producer.sendMessageInTransaction(new Message("TxRace", body.getBytes(StandardCharsets.UTF_8)),
                    null);
            }
            assertEachDeliveredOnce(bodies);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void slowCheckAnswersOfOurProducerAreDeliveredOnce() throws Exception {
        TransactionProducer producer = new TransactionProducer("pg-tx-race-ours",
            new org.rocketmqhm.core.client.producer.TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(
                    org.rocketmqhm.core.common.message.Message message, Object arg) {
                    return LocalTransactionState.UNKNOW;
                }

                @Override
                public LocalTransactionState checkLocalTransaction(
                    org.rocketmqhm.core.common.message.MessageExt message) {
                    checks.computeIfAbsent(new String(message.getBody(), StandardCharsets.UTF_8),
                        k -> new AtomicInteger()).incrementAndGet();
                    slowAnswer();
                    return LocalTransactionState.COMMIT_MESSAGE;
                }
            });
        producer.setNamesrvAddr(fixture.namesrvAddr());
        producer.setInstanceName("tx-race-" + System.nanoTime());
        producer.setHeartbeatBrokerIntervalMillis(1000);
        producer.start();
        try {
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "ours-" + i;
                bodies.add(body);
                producer.sendInTransaction(new org.rocketmqhm.core.common.message.Message("TxRace",
                    body.getBytes(StandardCharsets.UTF_8)), null);
            }
            assertEachDeliveredOnce(bodies);
        } finally {
            producer.shutdown();
        }
    }
}
