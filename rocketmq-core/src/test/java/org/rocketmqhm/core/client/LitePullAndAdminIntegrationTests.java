package org.rocketmqhm.core.client;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.admin.GroupProgress;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.TopicOffset;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.BrokerTestBase;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Lite pull consumer and admin client against our broker; the Apache subclass runs them against Apache's. */
class LitePullAndAdminIntegrationTests extends BrokerTestBase {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return OurRocketMQ.start(dir);
    }

    private AdminClient admin() {
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("admin"));
        admin.start();
        return admin;
    }

    private Producer producer() {
        Producer producer = new Producer(unique("pg"));
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.start();
        return producer;
    }

    private static String text(MessageExt m) {
        return new String(m.getBody(), StandardCharsets.UTF_8);
    }

    private void createTopic(AdminClient admin, String topic, int queues) {
        admin.createTopic(broker().clusterName(), topic, queues);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
            .until(() -> admin.topicRoute(topic).queueDatas().get(0).readQueueNums() == queues);
    }

    @Test
    void adminAndConsumersRefuseInvalidTopicNames() {
        AdminClient admin = admin();
        try {
            assertThatThrownBy(() -> admin.createTopic(broker().clusterName(), "bad topic!", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("illegal characters");
            assertThatThrownBy(() -> admin.createTopic(broker().clusterName(), " ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
            assertThatThrownBy(() -> new PushConsumer(unique("g")).subscribe("a/b", "*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("illegal characters");
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void adminCreatesTopicAndReportsClusterRouteAndStats() {
        AdminClient admin = admin();
        Producer producer = producer();
        try {
            assertThat(admin.clusterInfo().clusterAddrTable()).containsKey(broker().clusterName());
            String topic = unique("AdminTopic");
            createTopic(admin, topic, 3);
            for (int i = 0; i < 6; i++) {
                producer.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)));
            }
            // queue max offsets follow the CommitLog through the dispatch thread, a moment after the send is answered
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<MessageQueue, TopicOffset> stats = admin.topicStats(topic);
                assertThat(stats).hasSize(3);
                assertThat(stats.values().stream().mapToLong(TopicOffset::maxOffset).sum()).isEqualTo(6);
            });
        } finally {
            producer.shutdown();
            admin.shutdown();
        }
    }

    @Test
    void litePullDrainsSeeksCommitsAndAdminSeesTheLag() {
        AdminClient admin = admin();
        Producer producer = producer();
        String topic = unique("LiteTopic");
        String group = unique("lite");
        LitePullConsumer consumer = new LitePullConsumer(group);
        try {
            createTopic(admin, topic, 2);
            List<SendResult> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(producer.send(new Message(topic, "T", "key-" + i, ("m" + i).getBytes(StandardCharsets.UTF_8))));
            }
            consumer.setNamesrvAddr(nameServerAddress());
            consumer.setInstanceName(unique("c"));
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setAutoCommit(false);
            consumer.subscribe(topic, MessageSelector.byTag("*"));
            consumer.start();

            List<String> drained = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (drained.size() < 20 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(m -> drained.add(text(m)));
            }
            assertThat(drained).hasSize(20).doesNotHaveDuplicates();
            assertThat(consumer.poll(Duration.ofMillis(200))).isEmpty();

            MessageQueue queue = sent.get(0).messageQueue();
            consumer.seek(queue, 0);
            List<MessageExt> again = consumer.poll(Duration.ofSeconds(5));
            assertThat(again).isNotEmpty();
            assertThat(again.get(0).getQueueOffset()).isZero();
            assertThat(again.get(0).getTopic()).isEqualTo(topic);

            // everything but the re-read batch of `queue` has been consumed; commit and check the lag
            consumer.commitSync();
            long expectedLag = 10 - again.size();
            GroupProgress progress = admin.consumerProgress(group, topic);
            assertThat(progress.queues()).hasSize(2);
            assertThat(progress.queues().get(queue).brokerOffset()).isEqualTo(10);
            assertThat(progress.totalLag()).isEqualTo(expectedLag);

            MessageExt viewed = admin.viewMessage(sent.get(3).offsetMsgId());
            assertThat(text(viewed)).isEqualTo("m3");
        } finally {
            consumer.shutdown();
            producer.shutdown();
            admin.shutdown();
        }
    }

    @Test
    void queryMessageByKeyWhenTheBrokerIndexesKeys() {
        AdminClient admin = admin();
        Producer producer = producer();
        try {
            String topic = unique("KeyTopic");
            producer.send(new Message(topic, "T", "order-77", "keyed".getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> admin.topicRoute(topic) != null);
            List<MessageExt> found;
            try {
                found = admin.queryMessageByKey(topic, "order-77", 32, 0, Long.MAX_VALUE);
            } catch (ClientException e) {
                Assumptions.abort("the broker does not answer QUERY_MESSAGE: " + e.getMessage());
                return;
            }
            assertThat(found).extracting(LitePullAndAdminIntegrationTests::text).containsExactly("keyed");
        } finally {
            producer.shutdown();
            admin.shutdown();
        }
    }
}
