package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transactional messages with Apache's 4.9.7 TransactionMQProducer: END_TRANSACTION commit/rollback, check-back of
 * undecided half messages (CHECK_TRANSACTION_STATE) and its survival across a broker restart. The check interval
 * and transaction timeout are shortened to 1 s.
 */
class TransactionMessageTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;

    /** body → decision returned by the local transaction; checks return {@link #checkAnswers} (UNKNOW if absent). */
    static final Map<String, LocalTransactionState> localAnswers = new ConcurrentHashMap<>();
    static final Map<String, LocalTransactionState> checkAnswers = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    static final List<MessageExt> received = new CopyOnWriteArrayList<>();
    static DefaultMQPushConsumer consumer;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture(dir, b -> {
            b.setTransactionCheckInterval(1000);
            b.setTransactionTimeOut(1000);
        }, s -> { });
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.shutdown();
        }
        fixture.close();
    }

    static TransactionMQProducer producer(String group) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(group);
        ApacheClients.configure(producer, fixture);
        producer.setHeartbeatBrokerInterval(1000);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return localAnswers.getOrDefault(body(msg), LocalTransactionState.UNKNOW);
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checks.computeIfAbsent(body(msg), k -> new AtomicInteger()).incrementAndGet();
                assertThat(msg.getTopic()).isEqualTo("TxTopic");
                return checkAnswers.getOrDefault(body(msg), LocalTransactionState.UNKNOW);
            }
        });
        producer.start();
        return producer;
    }

    static String body(Message msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    static void startConsumer() throws Exception {
        if (consumer == null) {
            consumer = ApacheClients.consumer(fixture, "cg-tx", "TxTopic", "*",
                (MessageListenerConcurrently) (msgs, ctx) -> {
                    received.addAll(msgs);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            consumer.start();
        }
    }

    static long count(String body) {
        return received.stream().filter(m -> body(m).equals(body)).count();
    }

    @Test
    void commitIsDeliveredOnceRollbackNeverUnknownIsCheckedThenCommitted() throws Exception {
        TransactionMQProducer producer = producer("pg-tx");
        try {
            localAnswers.put("commit-1", LocalTransactionState.COMMIT_MESSAGE);
            localAnswers.put("rollback-1", LocalTransactionState.ROLLBACK_MESSAGE);
            checkAnswers.put("unknown-1", LocalTransactionState.COMMIT_MESSAGE);
            TransactionSendResult commit = producer.sendMessageInTransaction(
                new Message("TxTopic", "commit-1".getBytes(StandardCharsets.UTF_8)), null);
            producer.sendMessageInTransaction(new Message("TxTopic", "rollback-1".getBytes(StandardCharsets.UTF_8)),
                null);
            producer.sendMessageInTransaction(new Message("TxTopic", "unknown-1".getBytes(StandardCharsets.UTF_8)),
                null);
            assertThat(commit.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(commit.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            startConsumer();

            await().atMost(Duration.ofSeconds(20)).until(() -> count("commit-1") >= 1 && count("unknown-1") >= 1);
            MessageExt committed = received.stream().filter(m -> body(m).equals("commit-1")).findFirst().get();
            assertThat(committed.getMsgId()).isEqualTo(commit.getMsgId());
            assertThat(committed.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED)).isNull();
            assertThat(checks.get("unknown-1").get()).isGreaterThanOrEqualTo(1);
            // two more check runs: decided messages are never checked, rollback never shows up, nothing twice
            int runsBefore = checks.get("unknown-1").get();
            await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> true);
            assertThat(checks.get("unknown-1").get()).isEqualTo(runsBefore);
            assertThat(checks).doesNotContainKeys("commit-1", "rollback-1");
            assertThat(count("rollback-1")).isZero();
            assertThat(count("commit-1")).isEqualTo(1);
            assertThat(count("unknown-1")).isEqualTo(1);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void undecidedHalfMessageIsStillCheckedAfterRestart() throws Exception {
        TransactionMQProducer producer = producer("pg-tx-restart");
        try {
            localAnswers.put("decided-r", LocalTransactionState.COMMIT_MESSAGE);
            producer.sendMessageInTransaction(new Message("TxTopic", "decided-r".getBytes(StandardCharsets.UTF_8)),
                null);
            producer.sendMessageInTransaction(new Message("TxTopic", "pending-r".getBytes(StandardCharsets.UTF_8)),
                null);
            fixture.restartBroker();
            await().atMost(Duration.ofSeconds(20)).until(() -> checks.containsKey("pending-r"));
            checkAnswers.put("pending-r", LocalTransactionState.COMMIT_MESSAGE);
            startConsumer();
            await().atMost(Duration.ofSeconds(20)).until(() -> count("pending-r") >= 1 && count("decided-r") >= 1);
            assertThat(checks).doesNotContainKey("decided-r");
            assertThat(count("decided-r")).isEqualTo(1);
        } finally {
            producer.shutdown();
        }
    }
}
