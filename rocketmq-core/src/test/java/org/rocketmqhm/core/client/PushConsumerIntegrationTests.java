package org.rocketmqhm.core.client;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeOrderlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.MessageListenerOrderly;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.MessageQueueSelector;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.BrokerTestBase;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Push consumer against our broker; {@link PushConsumerApacheIntegrationTests} runs the same against Apache's. */
class PushConsumerIntegrationTests extends BrokerTestBase {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return OurRocketMQ.start(dir);
    }

    protected Producer producer() {
        Producer producer = new Producer(unique("pg"));
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.start();
        return producer;
    }

    protected PushConsumer consumer(String group, String topic, MessageSelector selector, Consumer<PushConsumer> setup) {
        PushConsumer consumer = new PushConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("c"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, selector);
        setup.accept(consumer);
        consumer.start();
        return consumer;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void tagSubscriptionDeliversExactlyTheMatchingMessages() throws Exception {
        String topic = unique("TagTopic");
        Set<String> expected = new HashSet<>();
        Producer producer = producer();
        try {
            for (int i = 0; i < 30; i++) {
                String tag = "Tag" + "ABC".charAt(i % 3);
                producer.send(new Message(topic, tag, null, utf8(tag + "-" + i)));
                if (!tag.equals("TagC")) {
                    expected.add(tag + "-" + i);
                }
            }
        } finally {
            producer.shutdown();
        }
        List<String> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = consumer(unique("cg"), topic, MessageSelector.byTag("TagA || TagB"),
            c -> c.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
                msgs.forEach(m -> received.add(text(m)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= expected.size());
            assertThat(new HashSet<>(received)).isEqualTo(expected);
            assertThat(received).noneMatch(s -> s.startsWith("TagC"));
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void sqlSelectorFiltersOnProperties() throws Exception {
        String topic = unique("SqlTopic");
        Producer producer = producer();
        try {
            for (int i = 0; i < 10; i++) {
                Message m = new Message(topic, utf8("m" + i));
                m.putUserProperty("a", String.valueOf(i));
                producer.send(m);
            }
        } finally {
            producer.shutdown();
        }
        Set<String> received = ConcurrentHashMap.newKeySet();
        PushConsumer consumer = consumer(unique("cg"), topic, MessageSelector.bySql("a >= 7"),
            c -> c.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
                msgs.forEach(m -> received.add(text(m)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
            assertThat(received).containsExactlyInAnyOrder("m7", "m8", "m9");
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void twoConsumersOfAGroupSplitTheQueuesAndTogetherGetEverything() throws Exception {
        String topic = unique("SplitTopic");
        Producer producer = producer();
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            producer.send(new Message(topic, utf8("s" + i)));
            sent.add("s" + i);
        }
        String group = unique("cg");
        Map<String, Set<String>> byConsumer = new ConcurrentHashMap<>();
        List<PushConsumer> consumers = new ArrayList<>();
        try {
            for (String name : List.of("one", "two")) {
                consumers.add(consumer(group, topic, MessageSelector.byTag("*"),
                    c -> c.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
                        msgs.forEach(m -> byConsumer.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet()).add(text(m)));
                        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                    })));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (PushConsumer c : consumers) {
                    assertThat(c.assignedQueues().stream().filter(q -> q.topic().equals(topic))).hasSize(2);
                }
            });
            for (int i = 40; i < 80; i++) {
                producer.send(new Message(topic, utf8("s" + i)));
                sent.add("s" + i);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                Set<String> all = new HashSet<>();
                byConsumer.values().forEach(all::addAll);
                return all.containsAll(sent);
            });
            assertThat(byConsumer).containsKeys("one", "two");
        } finally {
            consumers.forEach(PushConsumer::shutdown);
            producer.shutdown();
        }
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryMemberAndKeepsOffsetsLocally(@TempDir Path offsets) throws Exception {
        String topic = unique("BroadcastTopic");
        Producer producer = producer();
        try {
            for (int i = 0; i < 10; i++) {
                producer.send(new Message(topic, utf8("b" + i)));
            }
        } finally {
            producer.shutdown();
        }
        String group = unique("cg");
        Map<Integer, Set<String>> byConsumer = new ConcurrentHashMap<>();
        List<PushConsumer> consumers = new ArrayList<>();
        try {
            for (int n = 0; n < 2; n++) {
                int id = n;
                consumers.add(consumer(group, topic, MessageSelector.byTag("*"), c -> {
                    c.setMessageModel(MessageModel.BROADCASTING);
                    c.setOffsetStoreDir(offsets.resolve("c" + id));
                    c.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
                        msgs.forEach(m -> byConsumer.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(text(m)));
                        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                    });
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() ->
                byConsumer.getOrDefault(0, Set.of()).size() == 10 && byConsumer.getOrDefault(1, Set.of()).size() == 10);
        } finally {
            consumers.forEach(PushConsumer::shutdown);
        }
        String json = Files.readString(offsets.resolve("c0/offsets.json"));
        assertThat(json).contains("offsetTable").contains(topic);
    }

    @Test
    void orderlyConsumptionKeepsPerKeyOrder() throws Exception {
        String topic = unique("OrderTopic");
        Producer producer = producer();
        try {
            for (int i = 0; i < 60; i++) {
                String key = "k" + (i % 3);
                producer.send(new Message(topic, null, key, utf8(key + ":" + i)), MessageQueueSelector.byHash(), key);
            }
        } finally {
            producer.shutdown();
        }
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        boolean[] failedOnce = {false};
        PushConsumer consumer = consumer(unique("cg"), topic, MessageSelector.byTag("*"), c -> {
            c.setSuspendCurrentQueueTimeMillis(100);
            c.registerMessageListener((MessageListenerOrderly) (msgs, q) -> {
                for (MessageExt m : msgs) {
                    String[] parts = text(m).split(":");
                    if (parts[1].equals("10") && !failedOnce[0]) {
                        failedOnce[0] = true;
                        return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                    }
                    seen.computeIfAbsent(parts[0], k -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
                }
                return ConsumeOrderlyStatus.SUCCESS;
            });
        });
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.values().stream().mapToInt(List::size).sum() >= 60);
            for (List<Integer> sequence : seen.values()) {
                assertThat(sequence).isSorted().doesNotHaveDuplicates();
            }
            assertThat(failedOnce[0]).isTrue();
        } finally {
            consumer.shutdown();
        }
    }

    /** @return whether the broker answers CONSUMER_SEND_MSG_BACK at all */
    private boolean brokerSupportsSendBack() throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try {
            RemotingCommand response = client.invokeSync(broker().brokerAddress(), RemotingCommand.request(
                RequestCode.CONSUMER_SEND_MSG_BACK, new ConsumerSendMsgBackRequestHeader(Long.MAX_VALUE / 2,
                    unique("probe"), 0, null, null, false, 16, null)), 3000);
            return response.getCode() != ResponseCode.REQUEST_CODE_NOT_SUPPORTED;
        } finally {
            client.shutdown();
        }
    }

    @Test
    void failedMessageIsRedeliveredThroughTheRetryTopic() throws Exception {
        Assumptions.assumeTrue(brokerSupportsSendBack(), "the broker does not implement CONSUMER_SEND_MSG_BACK and "
            + "delayed delivery yet, so a retried message would never come back");
        String topic = unique("RetryTopic");
        Producer producer = producer();
        try {
            producer.send(new Message(topic, "TagR", null, utf8("retry-me")));
        } finally {
            producer.shutdown();
        }
        List<MessageExt> deliveries = new CopyOnWriteArrayList<>();
        PushConsumer consumer = consumer(unique("cg"), topic, MessageSelector.byTag("TagR"),
            c -> c.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
                deliveries.addAll(msgs);
                return deliveries.size() == 1 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                    : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() >= 2);
            MessageExt again = deliveries.get(1);
            assertThat(again.getReconsumeTimes()).isEqualTo(1);
            assertThat(again.getTopic()).isEqualTo(topic);
            assertThat(text(again)).isEqualTo("retry-me");
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void consumerKeepsWorkingWhenItsBrokerRestarts() throws Exception {
        Assumptions.assumeTrue(broker().isOurs(), "only our fixture restarts its broker in-process");
        String topic = unique("RestartTopic");
        Producer producer = producer();
        Set<String> received = ConcurrentHashMap.newKeySet();
        PushConsumer consumer = null;
        try {
            producer.send(new Message(topic, utf8("before")));
            consumer = consumer(unique("cg"), topic, MessageSelector.byTag("*"),
                c -> c.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
                    msgs.forEach(m -> received.add(text(m)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }));
            await().atMost(Duration.ofSeconds(15)).until(() -> received.contains("before"));
            broker().restartBroker();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                producer.send(new Message(topic, utf8("after")));
                return true;
            });
            await().atMost(Duration.ofSeconds(25)).until(() -> received.contains("after"));
        } finally {
            if (consumer != null) {
                consumer.shutdown();
            }
            producer.shutdown();
        }
    }
}
