package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consumer offsets and topics survive a broker restart; admin tools read them. */
class BrokerRestartTests {

    @TempDir
    Path dir;

    @Test
    void consumerOffsetsSurviveRestart() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start(dir)) {
            BrokerSendPullTests.fixture = fixture;
            DefaultMQProducer producer = BrokerSendPullTests.producer("pg-restart");
            Set<String> received = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = null;
            long committed;
            try {
                for (int i = 0; i < 8; i++) {
                    producer.send(new Message("Durable", ("d-" + i).getBytes(StandardCharsets.UTF_8)));
                }
                consumer = BrokerSendPullTests.pushConsumer("cg-durable", "Durable", "*", MessageModel.CLUSTERING,
                    received);
                await().atMost(Duration.ofSeconds(25)).until(() -> received.size() == 8);
            } finally {
                if (consumer != null) {
                    consumer.shutdown(); // persists offsets to the broker
                }
                producer.shutdown();
            }
            committed = totalConsumerOffset(fixture, "cg-durable");
            assertThat(committed).isEqualTo(8);

            fixture.restartBroker();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(totalConsumerOffset(fixture, "cg-durable")).isEqualTo(committed));
        }
    }

    private static long totalConsumerOffset(BrokerFixture fixture, String group) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(fixture.namesrvAddr());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        try {
            ConsumeStats stats = admin.examineConsumeStats(group);
            long total = 0;
            for (MessageQueue mq : stats.getOffsetTable().keySet()) {
                total += stats.getOffsetTable().get(mq).getConsumerOffset();
            }
            return total;
        } finally {
            admin.shutdown();
        }
    }
}
