package org.rocketmqhm.core.client;

import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.common.protocol.body.ProcessQueueInfo;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeOrderlyStatus;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.MessageListenerOrderly;
import org.rocketmqhm.core.client.consumer.PushConsumer;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET_CONSUMER_RUNNING_INFO as Apache's tools see it: Apache 4.9.7's {@code DefaultMQAdminExt.getConsumerRunningInfo}
 * (what {@code mqadmin consumerStatus} and the dashboard call) against our broker, which forwards code 307 to our
 * consumers; the answer decodes into Apache's {@code ConsumerRunningInfo} and its static analyzers accept it.
 */
class ConsumerRunningInfoIntegrationTests extends RunningInfoTestBase {

    private PushConsumer consumer(String group, String topic) {
        PushConsumer consumer = consumer(group, topic, 3);
        consumer.setPersistConsumerOffsetIntervalMillis(500);
        return consumer;
    }

    private ConsumerRunningInfo runningInfo(String group, String clientId) throws Exception {
        return apacheAdmin.getConsumerRunningInfo(group, clientId, true);
    }

    private static long committed(ConsumerRunningInfo info, String topic) {
        return info.getMqTable().entrySet().stream().filter(e -> e.getKey().getTopic().equals(topic))
            .mapToLong(e -> Math.max(0, e.getValue().getCommitOffset())).sum();
    }

    @Test
    void concurrentPushConsumerReportsQueuesOffsetsAndProperties() throws Exception {
        String topic = unique("RunInfoTopic");
        String group = unique("ricg");
        send(topic, 6);
        AtomicInteger consumed = new AtomicInteger();
        PushConsumer consumer = consumer(group, topic);
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed.get() >= 6);
            String clientId = consumer.clientId();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(committed(runningInfo(group, clientId), topic)).isEqualTo(6));
            ConsumerRunningInfo info = runningInfo(group, clientId);

            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_CONSUME_TYPE))
                .isEqualTo("CONSUME_PASSIVELY");
            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_CONSUME_ORDERLY)).isEqualTo("false");
            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_THREADPOOL_CORE_SIZE)).isEqualTo("3");
            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_NAMESERVER_ADDR))
                .isEqualTo(nameServerAddress());
            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_CLIENT_VERSION)).isEqualTo("V4_9_7");
            assertThat(Long.parseLong(info.getProperties().getProperty(
                ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP))).isPositive()
                .isLessThanOrEqualTo(System.currentTimeMillis());
            assertThat(info.getProperties().getProperty("consumerGroup")).isEqualTo(group);
            assertThat(info.getSubscriptionSet()).extracting(s -> s.getTopic())
                .contains(topic, "%RETRY%" + group);
            assertThat(info.getMqTable().keySet()).filteredOn(q -> q.getTopic().equals(topic)).hasSize(4);
            ProcessQueueInfo pq = info.getMqTable().entrySet().stream()
                .filter(e -> e.getKey().getTopic().equals(topic)).findFirst().orElseThrow().getValue();
            assertThat(pq.isDroped()).isFalse();
            assertThat(pq.getCachedMsgCount()).isZero();
            assertThat(pq.getLastPullTimestamp()).isPositive();
            assertThat(info.getStatusTable()).containsKey(topic);
            assertThat(info.getJstack()).contains("rocketmq");

            TreeMap<String, ConsumerRunningInfo> all = new TreeMap<>(Map.of(clientId, info));
            assertThat(ConsumerRunningInfo.analyzeSubscription(all)).isTrue();
            assertThat(ConsumerRunningInfo.analyzeProcessQueue(clientId, info)).isEmpty();
            assertThat(info.formatString()).contains(topic);
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void orderlyPushConsumerReportsLockedQueues() throws Exception {
        String topic = unique("RunInfoOrderly");
        String group = unique("riog");
        send(topic, 4);
        AtomicInteger consumed = new AtomicInteger();
        PushConsumer consumer = consumer(group, topic);
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, q) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed.get() >= 4);
            String clientId = consumer.clientId();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(committed(runningInfo(group, clientId), topic)).isEqualTo(4));
            ConsumerRunningInfo info = runningInfo(group, clientId);
            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_CONSUME_ORDERLY)).isEqualTo("true");
            assertThat(info.getMqTable().entrySet()).filteredOn(e -> e.getKey().getTopic().equals(topic))
                .hasSize(4)
                .allSatisfy(e -> {
                    assertThat(e.getValue().isLocked()).isTrue();
                    assertThat(e.getValue().getLastLockTimestamp()).isPositive();
                    assertThat(e.getValue().getTransactionMsgCount()).isZero();
                });
            assertThat(ConsumerRunningInfo.analyzeProcessQueue(clientId, info)).isEmpty();
            assertThat(ConsumerRunningInfo.analyzeSubscription(new TreeMap<>(Map.of(clientId, info)))).isTrue();
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void litePullConsumerReportsItsQueuesAsConsumeActively() throws Exception {
        String topic = unique("RunInfoLite");
        String group = unique("rilg");
        send(topic, 3);
        LitePullConsumer consumer = litePullConsumer(group, topic);
        consumer.start();
        try {
            assertThat(pollAtLeast(consumer, 3)).isEqualTo(3);
            consumer.commitSync();
            ConsumerRunningInfo info = runningInfo(group, consumer.clientId());
            assertThat(info.getProperties().getProperty(ConsumerRunningInfo.PROP_CONSUME_TYPE))
                .isEqualTo("CONSUME_ACTIVELY");
            assertThat(info.getMqTable().keySet()).filteredOn(q -> q.getTopic().equals(topic)).hasSize(4);
            assertThat(committed(info, topic)).isEqualTo(3);
            assertThat(ConsumerRunningInfo.analyzeProcessQueue(consumer.clientId(), info)).isEmpty();
        } finally {
            consumer.shutdown();
        }
    }
}
