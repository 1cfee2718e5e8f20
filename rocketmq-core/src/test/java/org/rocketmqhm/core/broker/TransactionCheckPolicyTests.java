package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageIds;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.header.EndTransactionRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.rocketmqhm.core.store.PutResult;
import org.rocketmqhm.core.store.StoreMessage;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which half messages a check run checks (section 5.9), with Apache 4.9.7's TransactionMQProducer against our
 * broker (check interval 200 ms, transactionTimeOut 300 ms, fileReservedTime 1 h): CHECK_IMMUNITY_TIME_IN_SECONDS
 * defers a message without holding back later ones, a commit for the original half offset also resolves its
 * deferred copies, half messages older than fileReservedTime are discarded unchecked, and a repeated
 * END_TRANSACTION for a committed half message (also after a restart) delivers nothing more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionCheckPolicyTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;
    static final Map<String, Long> firstCheck = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    static final Map<String, MessageExt> lastDelivered = new ConcurrentHashMap<>();
    static final Map<String, LocalTransactionState> localAnswers = new ConcurrentHashMap<>();
    static final Map<String, Long> localDelays = new ConcurrentHashMap<>();
    static TransactionMQProducer producer;
    static DefaultMQPushConsumer consumer;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture(dir, b -> {
            b.setTransactionCheckInterval(200);
            b.setTransactionTimeOut(300);
        }, s -> s.setFileReservedTime(1));
        producer = new TransactionMQProducer("pg-tx-policy");
        ApacheClients.configure(producer, fixture);
        producer.setHeartbeatBrokerInterval(1000);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                Long delay = localDelays.get(body(msg));
                if (delay != null) {
                    pause(delay);
                }
                return localAnswers.getOrDefault(body(msg), LocalTransactionState.UNKNOW);
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                firstCheck.putIfAbsent(body(msg), System.currentTimeMillis());
                checks.computeIfAbsent(body(msg), k -> new AtomicInteger()).incrementAndGet();
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        producer.send(message("topic-created")); // so that the consumer's first heartbeat reaches the broker
        consumer = ApacheClients.consumer(fixture, "cg-tx-policy", "TxPolicy", "*",
            (MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> {
                    lastDelivered.put(body(m), m);
                    delivered.computeIfAbsent(body(m), k -> new AtomicInteger()).incrementAndGet();
                });
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.setHeartbeatBrokerInterval(1000);
        consumer.start();
    }

    @AfterAll
    static void stop() {
        producer.shutdown();
        consumer.shutdown();
        fixture.close();
    }

    static String body(Message msg) {
        return new String(msg.getBody(), StandardCharsets.UTF_8);
    }

    static void pause(long millis) {
        try {
            new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Message message(String body) {
        return new Message("TxPolicy", body.getBytes(StandardCharsets.UTF_8));
    }

    static int deliveries(String body) {
        AtomicInteger n = delivered.get(body);
        return n == null ? 0 : n.get();
    }

    @Test
    void immuneMessageIsDeferredWhileLaterMessagesAreChecked() throws Exception {
        Message immune = message("immune-3s");
        MessageAccessor.putProperty(immune, MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, "3");
        long sent = System.currentTimeMillis();
        producer.sendMessageInTransaction(immune, null);
        producer.sendMessageInTransaction(message("after-immune"), null);

        // the message behind the immune one is checked after transactionTimeOut, not after the immunity
        await().atMost(Duration.ofMillis(2500))
            .until(() -> firstCheck.containsKey("after-immune"));
        assertThat(firstCheck).doesNotContainKey("immune-3s");
        await().atMost(Duration.ofSeconds(10)).until(() -> firstCheck.containsKey("immune-3s"));
        assertThat(firstCheck.get("immune-3s") - sent).isGreaterThanOrEqualTo(3000);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("immune-3s") == 1
            && deliveries("after-immune") == 1);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).until(() ->
            deliveries("immune-3s") == 1 && checks.get("immune-3s").get() == 1);
    }

    @Test
    void commitOfTheOriginalHalfOffsetAlsoResolvesItsDeferredCopies() throws Exception {
        Message immune = message("immune-late-commit");
        MessageAccessor.putProperty(immune, MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, "2");
        localAnswers.put("immune-late-commit", LocalTransactionState.COMMIT_MESSAGE);
        localDelays.put("immune-late-commit", 1000L); // deferred by several runs before the commit arrives
        producer.sendMessageInTransaction(immune, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("immune-late-commit") == 1);
        // well past the immunity: the deferred copies are never checked and nothing is delivered again
        await().during(Duration.ofMillis(3000)).atMost(Duration.ofSeconds(5)).until(() ->
            deliveries("immune-late-commit") == 1 && !checks.containsKey("immune-late-commit"));
    }

    @Test
    void halfMessageOlderThanFileReservedTimeIsDiscardedUnchecked() throws Exception {
        localAnswers.put("fresh", LocalTransactionState.COMMIT_MESSAGE);
        producer.sendMessageInTransaction(message("fresh"), null); // the half topic exists from now on
        var store = fixture.broker.store();
        long discardedBefore = store.getMaxOffsetInQueue(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0);

        StoreMessage old = new StoreMessage();
        old.setTopic(SystemTopics.TRANS_HALF_TOPIC);
        old.setQueueId(0);
        old.setBody("too-old".getBytes(StandardCharsets.UTF_8));
        Map<String, String> props = new HashMap<>();
        props.put(MessageConst.PROPERTY_REAL_TOPIC, "TxPolicy");
        props.put(MessageConst.PROPERTY_REAL_QUEUE_ID, "0");
        props.put(MessageConst.PROPERTY_PRODUCER_GROUP, "pg-tx-policy");
        props.put(MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        props.put(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, MessageIds.createUniqId());
        old.setProperties(props);
        old.setBornTimestamp(System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(61));
        InetSocketAddress host = new InetSocketAddress("127.0.0.1", fixture.broker.listenPort());
        old.setBornHost(host);
        old.setStoreHost(host);
        PutResult put = store.putMessage(old).join();
        assertThat(put.isOk()).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() ->
            store.getMaxOffsetInQueue(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 0) > discardedBefore);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).until(() ->
            !checks.containsKey("too-old") && deliveries("too-old") == 0);
    }

    @Test
    @Order(Integer.MAX_VALUE) // restarts the broker
    void repeatedEndTransactionForACommittedHalfMessageDeliversOnceAlsoAfterRestart() throws Exception {
        localAnswers.put("commit-twice", LocalTransactionState.COMMIT_MESSAGE);
        TransactionSendResult half = producer.sendMessageInTransaction(message("commit-twice"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("commit-twice") == 1);

        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try {
            assertThat(endTransaction(client, half, MessageSysFlag.TRANSACTION_COMMIT_TYPE).getCode())
                .isEqualTo(ResponseCode.SUCCESS);
            assertThat(endTransaction(client, half, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE).getCode())
                .isEqualTo(ResponseCode.SUCCESS);
            fixture.restartBroker();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try {
                    return endTransaction(client, half, MessageSysFlag.TRANSACTION_COMMIT_TYPE).getCode()
                        == ResponseCode.SUCCESS;
                } catch (Exception e) {
                    return false; // the restarted broker listens on a new port; the address is re-read
                }
            });
        } finally {
            client.shutdown();
        }
        await().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(4)).until(() ->
            deliveries("commit-twice") == 1 && !checks.containsKey("commit-twice"));
    }

    private static RemotingCommand endTransaction(NettyRemotingClient client, TransactionSendResult half,
                                                  int decision) throws Exception {
        // Apache's TransactionSendResult has no offsetMsgId: the committed message names its half message
        long commitLogOffset = lastDelivered.get("commit-twice").getPreparedTransactionOffset();
        RemotingCommand request = RemotingCommand.request(RequestCode.END_TRANSACTION,
            new EndTransactionRequestHeader("pg-tx-policy", half.getQueueOffset(), commitLogOffset, decision, true,
                half.getMsgId(), half.getTransactionId(), null));
        return client.invokeSync("127.0.0.1:" + fixture.broker.listenPort(), request, 3000);
    }
}
