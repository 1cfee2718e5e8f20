package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.BrokerStatsData;
import org.apache.rocketmq.common.protocol.body.ConsumeQueueData;
import org.apache.rocketmq.common.protocol.body.ConsumeStatsList;
import org.apache.rocketmq.common.protocol.body.KVTable;
import org.apache.rocketmq.common.protocol.body.ProducerInfo;
import org.apache.rocketmq.common.protocol.body.ProducerTableInfo;
import org.apache.rocketmq.common.protocol.body.QueryConsumeQueueResponseBody;
import org.apache.rocketmq.common.protocol.body.QueueTimeSpan;
import org.apache.rocketmq.common.protocol.body.TopicList;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExtImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin request codes of Apache's {@code rocketmq-tools} (mqadmin, dashboard) served by our broker, driven
 * through Apache 4.9.7's {@link DefaultMQAdminExt}: 303, 305, 308, 314, 315, 316, 317, 321, 323 and 328, plus
 * malformed headers answered with an error code and remark on a connection that stays usable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminToolsCompatibilityTests {

    static final String TOPIC = "AdminTopic";
    static final String GROUP = "cg-admin";
    static final int SENT = 12;

    @TempDir
    static Path dir;
    static BrokerFixture fixture;
    static DefaultMQProducer producer;
    static DefaultMQPushConsumer consumer;
    static DefaultMQAdminExt admin;
    static String brokerAddr;

    @BeforeAll
    static void startAndConsume() throws Exception {
        fixture = BrokerFixture.start(dir);
        brokerAddr = fixture.broker.address();
        producer = ApacheClients.producer(fixture, "pg-admin");
        for (int i = 0; i < SENT; i++) {
            producer.send(new Message(TOPIC, "TagA", ("m-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        consumer = ApacheClients.consumer(fixture, GROUP, TOPIC, "*",
            (MessageListenerConcurrently) (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        consumer.setPersistConsumerOffsetInterval(200);
        consumer.start();
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(fixture.namesrvAddr());
        admin.setInstanceName("admin-tools-" + System.nanoTime());
        admin.start();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            ConsumeStats stats = admin.examineConsumeStats(GROUP);
            assertThat(stats.computeTotalDiff()).isZero();
            assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getConsumerOffset()).sum())
                .isEqualTo(SENT);
        });
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.shutdown();
        }
        if (consumer != null) {
            consumer.shutdown();
        }
        if (producer != null) {
            producer.shutdown();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1)
    void queryConsumeTimeSpanShowsStoredAndConsumedTimes() throws Exception {
        List<QueueTimeSpan> spans = admin.queryConsumeTimeSpan(TOPIC, GROUP);
        assertThat(spans).hasSize(4);
        long now = System.currentTimeMillis();
        assertThat(spans).allSatisfy(span -> {
            assertThat(span.getMessageQueue().getTopic()).isEqualTo(TOPIC);
            assertThat(span.getMessageQueue().getBrokerName()).isEqualTo("broker-a");
            assertThat(span.getDelayTime()).isZero();
        });
        QueueTimeSpan busy = spans.stream().filter(s -> s.getMaxTimeStamp() > 0).findFirst().orElseThrow();
        assertThat(busy.getMinTimeStamp()).isBetween(now - 60_000, busy.getMaxTimeStamp());
        assertThat(busy.getConsumeTimeStamp()).isEqualTo(busy.getMaxTimeStamp());
    }

    @Test
    @Order(2)
    void systemTopicListFromBrokerHoldsTheBuiltInTopics() throws Exception {
        TopicList list = apiImpl().getSystemTopicListFromBroker(brokerAddr, 5000);
        assertThat(list.getTopicList()).contains("SELF_TEST_TOPIC", "TBW102", "BenchmarkTest", "OFFSET_MOVED_EVENT",
            "SCHEDULE_TOPIC_XXXX", "broker-a", fixture.broker.config().getBrokerClusterName())
            .doesNotContain(TOPIC);
    }

    @Test
    @Order(6)
    void cloneGroupOffsetCopiesTheProgressToAnotherGroup() throws Exception {
        String clone = "cg-clone";
        admin.createAndUpdateTopicConfig(brokerAddr, new TopicConfig("%RETRY%" + clone, 1, 1, 6));
        admin.cloneGroupOffset(GROUP, clone, TOPIC, false);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            ConsumeStats stats = admin.examineConsumeStats(clone);
            assertThat(stats.getOffsetTable()).hasSize(4);
            assertThat(stats.computeTotalDiff()).isZero();
            assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getConsumerOffset()).sum())
                .isEqualTo(SENT);
        });
    }

    @Test
    @Order(3)
    void viewBrokerStatsDataShowsSendsAndPulls() throws Exception {
        BrokerStatsData puts = admin.viewBrokerStatsData(brokerAddr, "TOPIC_PUT_NUMS", TOPIC);
        assertThat(puts.getStatsMinute().getSum()).isEqualTo(SENT);
        assertThat(puts.getStatsHour().getSum()).isEqualTo(SENT);
        assertThat(puts.getStatsDay().getSum()).isEqualTo(SENT);
        assertThat(puts.getStatsMinute().getTps()).isPositive();
        assertThat(puts.getStatsMinute().getAvgpt()).isEqualTo(1.0);

        BrokerStatsData size = admin.viewBrokerStatsData(brokerAddr, "TOPIC_PUT_SIZE", TOPIC);
        assertThat(size.getStatsDay().getSum()).isGreaterThan(SENT * 4L);

        BrokerStatsData gets = admin.viewBrokerStatsData(brokerAddr, "GROUP_GET_NUMS", TOPIC + "@" + GROUP);
        assertThat(gets.getStatsMinute().getSum()).isGreaterThanOrEqualTo(SENT);

        String cluster = fixture.broker.config().getBrokerClusterName();
        assertThat(admin.viewBrokerStatsData(brokerAddr, "BROKER_GET_NUMS", cluster).getStatsDay().getSum())
            .isGreaterThanOrEqualTo(SENT);
        assertThat(admin.viewBrokerStatsData(brokerAddr, "BROKER_PUT_NUMS", cluster).getStatsDay().getSum())
            .isGreaterThanOrEqualTo(SENT);

        KVTable runtime = admin.fetchBrokerRuntimeStats(brokerAddr);
        assertThat(Long.parseLong(runtime.getTable().get("msgPutTotalTodayNow"))).isGreaterThanOrEqualTo(SENT);
        assertThat(Long.parseLong(runtime.getTable().get("msgGetTotalTodayNow"))).isGreaterThanOrEqualTo(SENT);
        assertThat(runtime.getTable().get("putTps").split(" ")).hasSize(3);
        assertThat(runtime.getTable().get("getTransferedTps").split(" ")).hasSize(3);
        assertThat(Double.parseDouble(runtime.getTable().get("putTps").split(" ")[1])).isPositive();
        assertThat(runtime.getTable()).containsKeys("earliestMessageTimeStamp", "getFoundTps", "getMissTps",
            "getTotalTps", "msgPutTotalTodayMorning", "msgGetTotalYesterdayMorning");

    }

    @Test
    @Order(4)
    void unknownStatsKeyAnswersSystemErrorWithRemark() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(315, null);
        request.addExtField("statsName", "TOPIC_PUT_NUMS");
        request.addExtField("statsKey", "NoSuchTopic");
        RemotingCommand response = apiImpl().getRemotingClient().invokeSync(brokerAddr, request, 5000);
        assertThat(response.getCode()).isEqualTo(1);
        assertThat(response.getRemark()).isEqualTo("The stats <TOPIC_PUT_NUMS> <NoSuchTopic> not exist");
    }

    @Test
    @Order(5)
    void brokerConsumeStatsListsEachSubscriptionGroup() throws Exception {
        ConsumeStatsList list = admin.fetchConsumeStatsInBroker(brokerAddr, false, 5000);
        assertThat(list.getBrokerAddr()).isEqualTo(brokerAddr);
        Map<String, List<ConsumeStats>> byGroup = new HashMap<>();
        list.getConsumeStatsList().forEach(byGroup::putAll);
        assertThat(byGroup).containsKey(GROUP);
        List<ConsumeStats> ours = byGroup.get(GROUP).stream()
            .filter(cs -> cs.getOffsetTable().keySet().stream().anyMatch(mq -> TOPIC.equals(mq.getTopic())))
            .toList();
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).getOffsetTable()).hasSize(4);
        assertThat(ours.get(0).getOffsetTable().keySet()).extracting(MessageQueue::getTopic).containsOnly(TOPIC);
        assertThat(ours.get(0).computeTotalDiff()).isZero();
        assertThat(list.getTotalDiff()).isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(7)
    void queryConsumeQueueReturnsTheUnits() throws Exception {
        int queue = -1;
        for (int q = 0; q < 4 && queue < 0; q++) {
            if (admin.maxOffset(new MessageQueue(TOPIC, "broker-a", q)) > 0) {
                queue = q;
            }
        }
        long max = admin.maxOffset(new MessageQueue(TOPIC, "broker-a", queue));
        QueryConsumeQueueResponseBody body = admin.queryConsumeQueue(brokerAddr, TOPIC, queue, 0, 32, GROUP);
        assertThat(body.getMaxQueueIndex()).isEqualTo(max);
        assertThat(body.getMinQueueIndex()).isZero();
        assertThat(body.getSubscriptionData()).isNotNull();
        assertThat(body.getSubscriptionData().getTopic()).isEqualTo(TOPIC);
        assertThat(body.getQueueData()).hasSize((int) max);
        ConsumeQueueData first = body.getQueueData().get(0);
        assertThat(first.getTagsCode()).isEqualTo("TagA".hashCode());
        assertThat(first.getPhysicSize()).isPositive();
        MessageExt stored = admin.viewMessage(TOPIC, offsetMsgId(first.getPhysicOffset()));
        assertThat(stored.getQueueId()).isEqualTo(queue);
        assertThat(stored.getQueueOffset()).isZero();

        QueryConsumeQueueResponseBody offline = admin.queryConsumeQueue(brokerAddr, TOPIC, queue, 1, 1, "nobody");
        assertThat(offline.getFilterData()).isEqualTo("nobody@" + TOPIC + " is not online!");
        assertThat(offline.getQueueData()).hasSize(1);
    }

    @Test
    @Order(8)
    void queryConsumeQueueOfUnknownQueueAnswersSystemError() throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(321, null);
        request.addExtField("topic", "NoSuchTopic");
        request.addExtField("queueId", "3");
        request.addExtField("index", "0");
        request.addExtField("count", "1");
        RemotingCommand response = apiImpl().getRemotingClient().invokeSync(brokerAddr, request, 5000);
        assertThat(response.getCode()).isEqualTo(1);
        assertThat(response.getRemark()).isEqualTo("3@NoSuchTopic is not exist!");
    }

    @Test
    @Order(9)
    void queryCorrectionOffsetTakesTheMinimumOverGroups() throws Exception {
        String topic = "CorrTopic";
        MessageQueue q0 = new MessageQueue(topic, "broker-a", 0);
        MessageQueue q1 = new MessageQueue(topic, "broker-a", 1);
        admin.updateConsumeOffset(brokerAddr, "corr-a", q0, 7);
        admin.updateConsumeOffset(brokerAddr, "corr-a", q1, 2);
        admin.updateConsumeOffset(brokerAddr, "corr-b", q0, 3);
        admin.updateConsumeOffset(brokerAddr, "corr-cmp", q0, 1);
        admin.updateConsumeOffset(brokerAddr, "corr-cmp", q1, 9);

        Map<Integer, Long> all = apiImpl().queryCorrectionOffset(brokerAddr, topic, "corr-cmp", Set.of(), 5000);
        // q0: min(7, 3, 1) = 1, not above the compared 1 -> kept; q1: min(2, 9) = 2
        assertThat(all).containsEntry(0, 1L).containsEntry(1, 2L);

        Map<Integer, Long> filtered = apiImpl().queryCorrectionOffset(brokerAddr, topic, "corr-cmp",
            Set.of("corr-cmp", "corr-b"), 5000);
        // only corr-a counts: q0 min 7 is above the compared 1 -> Long.MAX_VALUE; q1 2 is below 9 -> 2
        assertThat(filtered).containsEntry(0, Long.MAX_VALUE).containsEntry(1, 2L);
    }

    @Test
    @Order(11)
    void resumeCheckHalfMessagePutsTheHalfMessageBackWithItsCheckCountReset() throws Exception {
        TransactionMQProducer tx = new TransactionMQProducer("pg-admin-tx");
        ApacheClients.configure(tx, fixture);
        tx.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return LocalTransactionState.UNKNOW;
            }
        });
        tx.start();
        try {
            SendResult half = tx.sendMessageInTransaction(new Message("AdminTxTopic",
                "pending".getBytes(StandardCharsets.UTF_8)), null);
            MessageQueue halfQueue = new MessageQueue("RMQ_SYS_TRANS_HALF_TOPIC", "broker-a", 0);
            // the half queue's unit is written by the reput thread shortly after the put is acknowledged
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> admin.maxOffset(halfQueue) > 0);
            long before = admin.maxOffset(halfQueue);
            // TransactionSendResult carries no offset id: read the half message's from the half queue
            long halfOffset = admin.queryConsumeQueue(brokerAddr, "RMQ_SYS_TRANS_HALF_TOPIC", 0, before - 1, 1, null)
                .getQueueData().get(0).getPhysicOffset();
            assertThat(admin.viewMessage(offsetMsgId(halfOffset)).getProperty(
                MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)).isEqualTo(half.getMsgId());

            assertThat(admin.resumeCheckHalfMessage(offsetMsgId(halfOffset))).isTrue();
            assertResumed(before);
            // the mqadmin form: half topic plus unique id, found through the message index
            assertThat(admin.resumeCheckHalfMessage("RMQ_SYS_TRANS_HALF_TOPIC", half.getMsgId())).isTrue();
            assertResumed(before + 1);

            // a message that is not a half message is refused
            SendResult plain = producer.send(new Message(TOPIC, "plain".getBytes(StandardCharsets.UTF_8)));
            assertThat(apiImpl().resumeCheckHalfMessage(brokerAddr, plain.getOffsetMsgId(), 5000)).isFalse();
        } finally {
            tx.shutdown();
        }
    }

    @Test
    @Order(10)
    void allProducerInfoListsConnectedProducerGroups() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ProducerTableInfo info = admin.getAllProducerInfo(brokerAddr);
            assertThat(info.getData()).containsKey("pg-admin");
            ProducerInfo p = info.getData().get("pg-admin").get(0);
            assertThat(p.getClientId()).contains("pg-admin");
            assertThat(p.getRemoteIP()).startsWith("127.0.0.1:");
            assertThat(p.getLastUpdateTimestamp()).isPositive();
        });
    }

    @Test
    @Order(99)
    void cleanUnusedTopicDropsQueuesOfTopicsWithoutConfiguration() throws Exception {
        producer.send(new Message("DoomedTopic", "x".getBytes(StandardCharsets.UTF_8)));
        // the consume queue is built by the asynchronous dispatch
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
            assertThat(fixture.broker.store().consumeQueueTopics()).contains("DoomedTopic"));
        // forget the topic's configuration behind the broker's back, as an operator editing topics.json would
        fixture.broker.shutdown();
        Path topicsFile = dir.resolve("store/config/topics.json");
        TopicConfigSerializeWrapper wrapper = RemotingJson.decode(Files.readAllBytes(topicsFile),
            TopicConfigSerializeWrapper.class);
        Map<String, org.rocketmqhm.core.protocol.body.TopicConfig> table = new HashMap<>(wrapper.topicConfigTable());
        table.remove("DoomedTopic");
        Files.write(topicsFile, RemotingJson.encode(new TopicConfigSerializeWrapper(table, wrapper.dataVersion())));
        fixture.startBroker();
        brokerAddr = fixture.broker.address();
        assertThat(fixture.broker.store().consumeQueueTopics()).contains("DoomedTopic", TOPIC);

        assertThat(admin.cleanUnusedTopicByAddr(brokerAddr)).isTrue();

        assertThat(fixture.broker.store().consumeQueueTopics()).doesNotContain("DoomedTopic").contains(TOPIC);
        assertThat(dir.resolve("store/consumequeue/DoomedTopic")).doesNotExist();
    }

    @Test
    @Order(12)
    void missingOrBadHeadersAnswerErrorsAndKeepTheConnection() throws Exception {
        MQClientAPIImpl api = apiImpl();
        for (int code : new int[] {303, 308, 314, 315, 317, 321, 323}) {
            RemotingCommand response = api.getRemotingClient().invokeSync(brokerAddr,
                RemotingCommand.createRequestCommand(code, null), 5000);
            assertThat(response.getCode()).as("code %d", code).isEqualTo(1);
            assertThat(response.getRemark()).as("code %d", code).isNotBlank();
        }
        RemotingCommand badInt = RemotingCommand.createRequestCommand(321, null);
        badInt.addExtField("topic", TOPIC);
        badInt.addExtField("queueId", "not-a-number");
        RemotingCommand response = api.getRemotingClient().invokeSync(brokerAddr, badInt, 5000);
        assertThat(response.getCode()).isEqualTo(1);
        assertThat(response.getRemark()).contains("queueId");

        RemotingCommand badId = RemotingCommand.createRequestCommand(323, null);
        badId.addExtField("msgId", "zz");
        response = api.getRemotingClient().invokeSync(brokerAddr, badId, 5000);
        assertThat(response.getCode()).isEqualTo(1);
        assertThat(response.getRemark()).contains("zz");

        for (int code : new int[] {305, 316, 328}) {
            RemotingCommand junk = RemotingCommand.createRequestCommand(code, null);
            junk.addExtField("unexpected", "value");
            assertThat(api.getRemotingClient().invokeSync(brokerAddr, junk, 5000).getCode())
                .as("code %d", code).isZero();
        }
        assertThat(admin.queryConsumeTimeSpan(TOPIC, GROUP)).hasSize(4);
    }

    static void assertResumed(long halfQueueOffset) throws Exception {
        MessageQueue halfQueue = new MessageQueue("RMQ_SYS_TRANS_HALF_TOPIC", "broker-a", 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.maxOffset(halfQueue) > halfQueueOffset);
        QueryConsumeQueueResponseBody units = admin.queryConsumeQueue(brokerAddr, "RMQ_SYS_TRANS_HALF_TOPIC", 0,
            halfQueueOffset, 1, null);
        MessageExt resumed = admin.viewMessage(offsetMsgId(units.getQueueData().get(0).getPhysicOffset()));
        assertThat(new String(resumed.getBody(), StandardCharsets.UTF_8)).isEqualTo("pending");
        assertThat(resumed.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES)).isEqualTo("0");
        assertThat(resumed.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo("AdminTxTopic");
    }

    static String offsetMsgId(long commitLogOffset) {
        return MessageDecoder.createMessageId(new InetSocketAddress("127.0.0.1", fixture.broker.listenPort()),
            commitLogOffset);
    }

    static MQClientAPIImpl apiImpl() throws Exception {
        Field implField = DefaultMQAdminExt.class.getDeclaredField("defaultMQAdminExtImpl");
        implField.setAccessible(true);
        DefaultMQAdminExtImpl impl = (DefaultMQAdminExtImpl) implField.get(admin);
        Field instanceField = DefaultMQAdminExtImpl.class.getDeclaredField("mqClientInstance");
        instanceField.setAccessible(true);
        return ((MQClientInstance) instanceField.get(impl)).getMQClientAPIImpl();
    }
}
