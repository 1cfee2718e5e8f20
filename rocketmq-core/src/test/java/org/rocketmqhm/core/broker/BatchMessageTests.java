package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SEND_BATCH_MESSAGE with Apache's 4.9.7 producer: one id and offset per message; illegal batches refused. */
class BatchMessageTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;
    static DefaultMQProducer producer;

    @BeforeAll
    static void start() throws Exception {
        fixture = BrokerFixture.start(dir);
        producer = ApacheClients.producer(fixture, "pg-batch");
    }

    @AfterAll
    static void stop() {
        producer.shutdown();
        fixture.close();
    }

    @Test
    void batchOfHundredStoresHundredDistinctMessages() throws Exception {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(new Message("BatchTopic", "t", ("b-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        MessageQueue queue = producer.fetchPublishMessageQueues("BatchTopic").get(0);
        SendResult result = producer.send(batch, queue);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getMsgId().split(",")).hasSize(100).doesNotHaveDuplicates();
        assertThat(result.getOffsetMsgId().split(",")).hasSize(100).doesNotHaveDuplicates();

        Map<String, MessageExt> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = ApacheClients.consumer(fixture, "cg-batch", "BatchTopic", "*",
            (MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> received.put(m.getMsgId(), m));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 100);
        } finally {
            consumer.shutdown();
        }
        assertThat(received).hasSize(100);
        assertThat(received.keySet()).containsExactlyInAnyOrder(result.getMsgId().split(","));
        assertThat(received.values().stream().map(MessageExt::getQueueOffset).distinct()).hasSize(100);
        assertThat(received.values().stream().map(MessageExt::getCommitLogOffset).distinct()).hasSize(100);
        // Every element carries the broker's region and trace switch (Apache's 5.x client needs them for traces).
        assertThat(received.values()).allSatisfy(m -> {
            assertThat(m.getProperty("MSG_REGION")).isEqualTo("DefaultRegion");
            assertThat(m.getProperty("TRACE_ON")).isEqualTo("true");
        });
    }

    @Test
    void batchWithDelayIsRefusedByBrokerEvenWhenTheClientCheckIsBypassed() throws Exception {
        // The 4.9.7 client refuses delay levels itself; build the batch by hand to reach the broker.
        MessageBatch batch = MessageBatch.generateFromList(List.of(new Message("BatchTopic",
            "y".getBytes(StandardCharsets.UTF_8))));
        // generateFromList refuses delays; inject the property afterwards into the encoded element list
        Message inner = batch.iterator().next();
        MessageAccessor.putProperty(inner, MessageConst.PROPERTY_DELAY_TIME_LEVEL, "2");
        batch.setBody(batch.encode());
        assertThatThrownBy(() -> producer.send(batch))
            .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                assertThat(e.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
                assertThat(e.getErrorMessage()).contains("delay");
            });
    }

    @Test
    void batchToRetryTopicIsRefused() throws Exception {
        // the client refuses this too; retarget a valid batch to reach the broker
        MessageBatch batch = MessageBatch.generateFromList(List.of(new Message("BatchTopic",
            "y".getBytes(StandardCharsets.UTF_8))));
        batch.setTopic("%RETRY%cg-x");
        batch.setBody(batch.encode());
        assertThatThrownBy(() -> producer.send(batch))
            .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                assertThat(e.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
                assertThat(e.getErrorMessage()).contains("retry");
            });
    }
}
