package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.admin.GroupProgress;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.BrokerTestBase;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Namespaced producers and consumers: {@code ns%topic} on the wire, plain names in everything users see. */
class NamespaceIntegrationTests extends BrokerTestBase {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return OurRocketMQ.start(dir);
    }

    private <T extends ClientConfig> T configure(T client, String namespace) {
        client.setNamesrvAddr(nameServerAddress());
        client.setInstanceName(unique("i"));
        client.setNamespace(namespace);
        return client;
    }

    @Test
    void roundTripWrapsOnTheWireAndUnwrapsForUsersIncludingRetries() {
        String ns = unique("ns");
        String topic = unique("orders");
        Producer producer = configure(new Producer(unique("pg")), ns);
        producer.start();
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        List<MessageQueue> listenerQueues = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        PushConsumer consumer = configure(new PushConsumer(unique("cg")), ns);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, queue) -> {
            listenerQueues.add(queue);
            received.addAll(messages);
            return attempts.incrementAndGet() == 1 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            List<MessageQueue> seenBySelector = new ArrayList<>();
            SendResult result = producer.send(new Message(topic, "hello".getBytes(StandardCharsets.UTF_8)),
                (queues, message, arg) -> {
                    seenBySelector.addAll(queues);
                    return queues.get(0);
                }, null);
            assertThat(result.messageQueue().topic()).isEqualTo(topic);
            assertThat(seenBySelector).isNotEmpty().allSatisfy(q -> assertThat(q.topic()).isEqualTo(topic));

            // the first delivery is refused, so the message also travels through %RETRY%ns%group
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
            assertThat(received).allSatisfy(m -> assertThat(m.getTopic()).isEqualTo(topic));
            assertThat(listenerQueues.get(0).topic()).isEqualTo(topic);

            // a client without namespace sees the wrapped names
            Producer plain = configure(new Producer(unique("plain")), null);
            plain.start();
            try {
                ClientInstance instance = ClientInstance.obtain(plain);
                try {
                    assertThat(instance.routeOrNull(ns + "%" + topic)).isNotNull();
                    assertThat(instance.routeOrNull("%RETRY%" + ns + "%" + consumer.getConsumerGroup())).isNotNull();
                } finally {
                    instance.release();
                }
            } finally {
                plain.shutdown();
            }
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void adminClientAndAssignedQueuesTakeAndReturnUserNames() {
        String ns = unique("ns");
        String topic = unique("stock");
        String group = unique("scg");
        Producer producer = configure(new Producer(unique("spg")), ns);
        producer.start();
        AdminClient admin = configure(new AdminClient(), ns);
        admin.start();
        AdminClient plainAdmin = configure(new AdminClient(), null);
        plainAdmin.start();
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        PushConsumer consumer = configure(new PushConsumer(group), ns);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetIntervalMillis(500);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, queue) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            String cluster = admin.clusterInfo().clusterAddrTable().keySet().iterator().next();
            admin.createTopic(cluster, topic, 2);
            assertThat(plainAdmin.topicRoute(ns + "%" + topic).queueDatas()).isNotEmpty();
            assertThat(admin.topicRoute(topic).queueDatas()).isNotEmpty();
            SendResult last = null;
            for (int i = 0; i < 3; i++) {
                last = producer.send(new Message(topic, "T", "nk", ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 3);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(consumer.assignedQueues()).filteredOn(q -> q.topic().equals(topic)).hasSize(2));
            assertThat(consumer.assignedQueues()).noneMatch(q -> q.topic().startsWith(ns));
            assertThat(consumer.wireAssignedQueues()).filteredOn(q -> q.topic().equals(ns + "%" + topic)).hasSize(2);

            assertThat(admin.topicStats(topic)).hasSize(2)
                .allSatisfy((q, o) -> assertThat(q.topic()).isEqualTo(topic));
            assertThat(admin.topicStats(topic).values().stream().mapToLong(o -> o.maxOffset()).sum()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                GroupProgress progress = admin.consumerProgress(group, topic);
                assertThat(progress.totalLag()).isZero();
                assertThat(progress.queues()).hasSize(2);
                assertThat(progress.queues().keySet()).allSatisfy(q -> assertThat(q.topic()).isEqualTo(topic));
            });
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(admin.queryMessageByKey(topic, "nk", 32, 0, Long.MAX_VALUE)).hasSize(3)
                    .allSatisfy(m -> assertThat(m.getTopic()).isEqualTo(topic)));
            assertThat(admin.viewMessage(last.offsetMsgId()).getTopic()).isEqualTo(topic);
            assertThat(admin.resetOffsetByTimestamp(topic, group, 0, true).keySet())
                .allSatisfy(q -> assertThat(q.topic()).isEqualTo(topic));
        } finally {
            consumer.shutdown();
            plainAdmin.shutdown();
            admin.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void apacheProducerWithNamespaceReachesOurNamespacedLitePullConsumer() throws Exception {
        String ns = unique("ns");
        String topic = unique("audit");
        DefaultMQProducer apache = new DefaultMQProducer(ns, unique("apg"));
        apache.setNamesrvAddr(nameServerAddress());
        apache.setInstanceName(unique("ap"));
        apache.start();
        LitePullConsumer consumer = configure(new LitePullConsumer(unique("lcg")), ns);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        try {
            org.apache.rocketmq.client.producer.SendResult sent = apache.send(
                new org.apache.rocketmq.common.message.Message(topic, "x".getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getMessageQueue().getTopic()).isEqualTo(topic);
            consumer.subscribe(topic, MessageSelector.byTag("*"));
            consumer.start();
            List<MessageExt> polled = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                polled.addAll(consumer.poll(Duration.ofMillis(200)));
                return !polled.isEmpty();
            });
            assertThat(polled.get(0).getTopic()).isEqualTo(topic);
            Set<MessageQueue> assignment = consumer.assignment();
            assertThat(assignment).isNotEmpty().allSatisfy(q -> assertThat(q.topic()).isEqualTo(topic));
        } finally {
            consumer.shutdown();
            apache.shutdown();
        }
    }
}
