package org.rocketmqhm.core.client;

import org.apache.rocketmq.common.protocol.body.ConsumeStatus;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeOrderlyStatus;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.MessageListenerOrderly;
import org.rocketmqhm.core.client.consumer.PushConsumer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-topic {@code statusTable} of GET_CONSUMER_RUNNING_INFO as Apache 4.9.7's
 * {@code DefaultMQAdminExt.getConsumerRunningInfo} (what {@code mqadmin consumerStatus} and the dashboard call)
 * decodes it, after real pulls and listener calls against our broker.
 */
class ConsumeStatsIntegrationTests extends RunningInfoTestBase {

    private PushConsumer consumer(String group, String topic) {
        PushConsumer consumer = consumer(group, topic, 2);
        return consumer;
    }

    private ConsumeStatus status(String group, String clientId, String topic) throws Exception {
        ConsumerRunningInfo info = apacheAdmin.getConsumerRunningInfo(group, clientId, false);
        assertThat(info.getStatusTable()).containsKey(topic);
        return info.getStatusTable().get(topic);
    }

    @Test
    void concurrentConsumerReportsPullAndConsumeFiguresIncludingFailures() throws Exception {
        String topic = unique("StatsTopic");
        String group = unique("cscg");
        String retryTopic = "%RETRY%" + group;
        int total = 20;
        int failures = 5;
        send(topic, total);
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        PushConsumer consumer = consumer(group, topic);
        consumer.setDelayLevelWhenNextConsume(1); // failed messages come back after 1 s
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
            String key = msgs.get(0).getKeys();
            int index = Integer.parseInt(key.substring(1));
            if (index % (total / failures) == 0 && msgs.get(0).getReconsumeTimes() == 0) {
                failed.incrementAndGet();
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            succeeded.add(key);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> succeeded.size() == total);
            assertThat(failed.get()).isEqualTo(failures);
            String clientId = consumer.clientId();

            ConsumeStatus s = status(group, clientId, topic);
            assertThat(s.getPullTPS()).isPositive();
            assertThat(s.getPullRT()).isPositive();
            assertThat(s.getConsumeOKTPS()).isPositive();
            assertThat(s.getConsumeFailedTPS()).isPositive();
            assertThat(s.getConsumeFailedMsgs()).isGreaterThanOrEqualTo(failures);
            assertThat(s.getConsumeRT()).isGreaterThanOrEqualTo(0);

            // the redelivered messages were pulled and consumed from the retry topic, reported under its own name
            ConsumeStatus retry = status(group, clientId, retryTopic);
            assertThat(retry.getPullTPS()).isPositive();
            assertThat(retry.getPullRT()).isPositive();
            assertThat(retry.getConsumeOKTPS()).isPositive();
            assertThat(retry.getConsumeFailedMsgs()).isZero();
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void orderlyConsumerCountsSuspendedBatchesAsFailed() throws Exception {
        String topic = unique("StatsOrderly");
        String group = unique("csog");
        send(topic, 4);
        Set<String> succeeded = ConcurrentHashMap.newKeySet();
        AtomicInteger suspended = new AtomicInteger();
        PushConsumer consumer = consumer(group, topic);
        consumer.setSuspendCurrentQueueTimeMillis(100);
        consumer.registerMessageListener((MessageListenerOrderly) (msgs, q) -> {
            if (msgs.get(0).getReconsumeTimes() == 0 && suspended.get() == 0) {
                suspended.incrementAndGet();
                return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
            }
            succeeded.add(msgs.get(0).getKeys());
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> succeeded.size() == 4);
            ConsumeStatus s = status(group, consumer.clientId(), topic);
            assertThat(s.getPullTPS()).isPositive();
            assertThat(s.getConsumeOKTPS()).isPositive();
            assertThat(s.getConsumeFailedTPS()).isPositive();
            assertThat(s.getConsumeFailedMsgs()).isEqualTo(1);
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void litePullConsumerReportsPullFiguresOnly() throws Exception {
        String topic = unique("StatsLite");
        String group = unique("cslg");
        send(topic, 3);
        LitePullConsumer consumer = litePullConsumer(group, topic);
        consumer.start();
        try {
            pollAtLeast(consumer, 3);
            ConsumeStatus s = status(group, consumer.clientId(), topic);
            assertThat(s.getPullTPS()).isPositive();
            assertThat(s.getPullRT()).isPositive();
            assertThat(s.getConsumeOKTPS()).isZero();
            assertThat(s.getConsumeFailedTPS()).isZero();
            assertThat(s.getConsumeFailedMsgs()).isZero();
        } finally {
            consumer.shutdown();
        }
    }
}
