package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.body.CMResult;
import org.apache.rocketmq.common.protocol.body.ConsumeMessageDirectlyResult;
import org.apache.rocketmq.common.protocol.body.ConsumerRunningInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Apache's admin tool reaching into a live consumer through our broker: reset offsets, running info, consume directly. */
class ConsumerControlTests {

    @TempDir
    Path dir;

    @Test
    void adminResetsOffsetsAndTalksToLiveConsumers() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start(dir)) {
            BrokerSendPullTests.fixture = fixture;
            DefaultMQProducer producer = BrokerSendPullTests.producer("pg-control");
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("cg-control");
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(fixture.namesrvAddr());
            admin.setInstanceName("control-admin-" + System.nanoTime());
            AtomicInteger deliveries = new AtomicInteger();
            try {
                long start = System.currentTimeMillis() - 1000;
                SendResult last = null;
                for (int i = 0; i < 10; i++) {
                    last = producer.send(new Message("Controlled", ("c" + i).getBytes(StandardCharsets.UTF_8)));
                }
                consumer.setNamesrvAddr(fixture.namesrvAddr());
                consumer.setInstanceName("control-" + System.nanoTime());
                consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                consumer.subscribe("Controlled", "*");
                consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                    deliveries.addAndGet(messages.size());
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                consumer.start();
                admin.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.get() >= 10);

                Map<MessageQueue, Long> reset = admin.resetOffsetByTimestamp("Controlled", "cg-control", start, true);
                assertThat(reset).isNotEmpty();
                assertThat(reset.values()).allMatch(offset -> offset == 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.get() >= 20);

                String clientId = admin.examineConsumerConnectionInfo("cg-control").getConnectionSet().iterator().next()
                    .getClientId();
                ConsumerRunningInfo info = admin.getConsumerRunningInfo("cg-control", clientId, false);
                assertThat(info.getSubscriptionSet()).anyMatch(s -> s.getTopic().equals("Controlled"));

                ConsumeMessageDirectlyResult direct = admin.consumeMessageDirectly("cg-control", clientId,
                    last.getOffsetMsgId());
                assertThat(direct.getConsumeResult()).isEqualTo(CMResult.CR_SUCCESS);
            } finally {
                admin.shutdown();
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }
}
