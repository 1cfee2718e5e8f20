package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.testsupport.BrokerTestBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ProducerIntegrationTests extends BrokerTestBase {

    private Producer producer(String group) {
        Producer producer = new Producer(group);
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.start();
        return producer;
    }

    @Test
    void sendsSyncAsyncOnewayBatchAndCompressedMessages() throws Exception {
        String topic = unique("ProducerTopic");
        Producer producer = producer(unique("pg"));
        try {
            SendResult sync = producer.send(new Message(topic, "TagA", "key-1", "sync".getBytes(StandardCharsets.UTF_8)));
            assertThat(sync.status()).isEqualTo(SendStatus.SEND_OK);
            assertThat(sync.msgId()).hasSize(32);
            assertThat(sync.offsetMsgId()).hasSize(32);
            assertThat(sync.messageQueue().topic()).isEqualTo(topic);

            SendResult async = producer.sendAsync(new Message(topic, "async".getBytes(StandardCharsets.UTF_8)))
                .get(10, TimeUnit.SECONDS);
            assertThat(async.status()).isEqualTo(SendStatus.SEND_OK);
            producer.sendOneway(new Message(topic, "oneway".getBytes(StandardCharsets.UTF_8)));
            SendResult batch = producer.send(List.of(
                new Message(topic, "batch-1".getBytes(StandardCharsets.UTF_8)),
                new Message(topic, "batch-2".getBytes(StandardCharsets.UTF_8))));
            assertThat(batch.msgId().split(",")).hasSize(2);
            byte[] big = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            producer.send(new Message(topic, big));

            assertThat(batch.queueOffset()).isGreaterThanOrEqualTo(0);
            Map<String, String> read = readWithApache(topic, 6);
            assertThat(read.values()).containsExactlyInAnyOrder("sync", "async", "oneway", "batch-1", "batch-2",
                new String(big, StandardCharsets.UTF_8));
            assertThat(read).containsEntry(sync.msgId(), "sync");
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void rejectsOversizedBodyBeforeSending() {
        Producer producer = producer(unique("pg"));
        try {
            producer.setMaxMessageSize(1024);
            assertThatThrownBy(() -> producer.send(new Message(unique("T"), new byte[2048])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMessageSize");
        } finally {
            producer.shutdown();
        }
    }

    private Map<String, String> readWithApache(String topic, int count) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(unique("apache-reader"));
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("apache"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.start();
        Map<String, String> received = new HashMap<>();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(500).forEach(m -> received.put(m.getMsgId(), new String(m.getBody(), StandardCharsets.UTF_8)));
                return received.size() >= count;
            });
        } finally {
            consumer.shutdown();
        }
        return received;
    }
}
