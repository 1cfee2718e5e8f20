package org.rocketmqhm.core.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.ReplyMessages;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Client capabilities against our broker that need more than the shared one-broker fixture: producer failover
 * between two brokers, request-reply, and an admin offset reset by timestamp. Each test starts its own name server
 * and brokers.
 */
class FailoverReplyAndResetIntegrationTests {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dir;

    private NameServer nameServer;
    private final List<Broker> brokers = new ArrayList<>();
    private final List<Runnable> closers = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (int i = closers.size() - 1; i >= 0; i--) {
            closers.get(i).run();
        }
        brokers.forEach(Broker::shutdown);
        if (nameServer != null) {
            nameServer.shutdown();
        }
    }

    private String startNameServer() {
        NamesrvConfig config = new NamesrvConfig();
        config.setListenPort(0);
        config.setKvConfigPath(dir.resolve("namesrv-kv.json").toString());
        nameServer = new NameServer(config);
        nameServer.start();
        return nameServerAddress();
    }

    private String nameServerAddress() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    private Broker startBroker(String brokerName) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName(brokerName);
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(nameServerAddress());
        config.setPullMessageThreadPoolNums(4);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve(brokerName).toString());
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(3000 * 20);
        Broker broker = new Broker(config, store);
        broker.start();
        brokers.add(broker);
        return broker;
    }

    private static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    private Producer producer(java.util.function.Consumer<Producer> setup) {
        Producer producer = new Producer(unique("pg"));
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        setup.accept(producer);
        producer.start();
        closers.add(producer::shutdown);
        return producer;
    }

    private PushConsumer consumer(String group, String topic, MessageListenerConcurrently listener) {
        PushConsumer consumer = new PushConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("c"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        consumer.start();
        closers.add(consumer::shutdown);
        return consumer;
    }

    private AdminClient admin() {
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("a"));
        admin.start();
        closers.add(admin::shutdown);
        return admin;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Message m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    /** One send outcome of the continuous sender: the broker it landed on, or the failure. */
    private record Outcome(long startedAtNanos, String brokerName, Throwable error) {
    }

    @Test
    void producerFailsOverToTheSurvivingBrokerWhenOneStops() throws Exception {
        startNameServer();
        Broker brokerA = startBroker("broker-a");
        startBroker("broker-b");
        String topic = unique("failover");
        AdminClient admin = admin();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.clusterInfo().brokerAddrTable().containsKey("broker-b")
            && admin.clusterInfo().brokerAddrTable().containsKey("broker-a"));
        admin.createTopic(brokerA.config().getBrokerClusterName(), topic, 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.topicRoute(topic).queueDatas().size() == 2);

        Producer producer = producer(p -> {
            p.setRetryTimesWhenSendFailed(2);
            p.setSendMsgTimeoutMillis(3000);
        });
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            int n = 0;
            while (running.get()) {
                long started = System.nanoTime();
                try {
                    SendResult r = producer.send(new Message(topic, utf8("m-" + n++)));
                    outcomes.add(new Outcome(started, r.messageQueue().brokerName(), null));
                } catch (RuntimeException e) {
                    outcomes.add(new Outcome(started, null, e));
                }
            }
        }, "failover-sender");
        sender.setDaemon(true);
        sender.start();
        closers.add(() -> {
            running.set(false);
            try {
                sender.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        // both brokers take traffic before the stop
        await().atMost(Duration.ofSeconds(10)).until(() ->
            outcomes.stream().anyMatch(o -> "broker-a".equals(o.brokerName()))
                && outcomes.stream().anyMatch(o -> "broker-b".equals(o.brokerName())));

        brokerA.shutdown();
        long stoppedAt = System.nanoTime();

        int n = 50;
        await().atMost(Duration.ofSeconds(15)).until(() ->
            outcomes.stream().filter(o -> o.startedAtNanos() > stoppedAt).count() >= n);
        running.set(false);
        sender.join(5000);

        List<Outcome> after = outcomes.stream().filter(o -> o.startedAtNanos() > stoppedAt).toList();
        assertThat(after).hasSizeGreaterThanOrEqualTo(n);
        // retries put every send started after the stop on broker-b
        assertThat(after).allSatisfy(o -> {
            assertThat(o.error()).as("send error").isNull();
            assertThat(o.brokerName()).isEqualTo("broker-b");
        });
    }

    @Test
    void requestIsAnsweredByAReplyFromAConsumerAndTimesOutWithoutOne() {
        startNameServer();
        startBroker("broker-a");
        String topic = unique("rpc");
        AdminClient admin = admin();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.clusterInfo().brokerAddrTable().containsKey("broker-a"));
        admin.createTopic("DefaultCluster", topic, 4);

        Producer replier = producer(p -> { });
        consumer(unique("rpc-server"), topic, (msgs, queue) -> {
            for (MessageExt m : msgs) {
                replier.send(ReplyMessages.reply(m, utf8("re: " + text(m))));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });

        Producer requester = producer(p -> { });
        // the first request may wait for the consumer's rebalance; later ones are answered directly
        MessageExt reply = requester.request(new Message(topic, utf8("ping-1")), 10_000);
        assertThat(text(reply)).isEqualTo("re: ping-1");
        long started = System.nanoTime();
        reply = requester.request(new Message(topic, utf8("ping-2")), 3000);
        assertThat(text(reply)).isEqualTo("re: ping-2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        String silentTopic = unique("rpc-silent");
        admin.createTopic("DefaultCluster", silentTopic, 4);
        long before = System.nanoTime();
        assertThatThrownBy(() -> requester.request(new Message(silentTopic, utf8("anyone?")), 1000))
            .isInstanceOf(ClientException.class)
            .hasMessageContaining("no reply within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void resetOffsetByTimestampMakesAPushConsumerReceiveMessagesAgain() {
        startNameServer();
        startBroker("broker-a");
        String topic = unique("reset");
        String group = unique("reset-group");
        AdminClient admin = admin();
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.clusterInfo().brokerAddrTable().containsKey("broker-a"));
        admin.createTopic("DefaultCluster", topic, 4);

        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        consumer(group, topic, (msgs, queue) -> {
            msgs.forEach(m -> received.computeIfAbsent(text(m), k -> new AtomicInteger()).incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });

        long beforeFirst = System.currentTimeMillis() - 1000;
        Producer producer = producer(p -> { });
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bodies.add("r-" + i);
            producer.send(new Message(topic, utf8("r-" + i)));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> received.keySet().containsAll(bodies));
        assertThat(received.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));

        var offsets = admin.resetOffsetByTimestamp(topic, group, beforeFirst, true);
        assertThat(offsets).isNotEmpty();
        assertThat(offsets.values()).allSatisfy(o -> assertThat(o).isZero());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
            assertThat(bodies).allSatisfy(b -> assertThat(received.get(b).get()).isGreaterThanOrEqualTo(2)));
    }
}
