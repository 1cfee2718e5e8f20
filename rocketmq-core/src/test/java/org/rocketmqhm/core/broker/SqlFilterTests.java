package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SQL92 property filtering on the broker (enablePropertyFilter=true) with Apache's 4.9.7 client. */
class SqlFilterTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;
    static DefaultMQProducer producer;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture(dir, b -> b.setEnablePropertyFilter(true), s -> { });
        producer = ApacheClients.producer(fixture, "pg-sql");
        for (int i = 0; i < 20; i++) {
            Message m = new Message("SqlTopic", i % 2 == 0 ? "even" : "odd",
                ("m-" + i).getBytes(StandardCharsets.UTF_8));
            m.putUserProperty("a", String.valueOf(i));
            if (i % 5 == 0) {
                m.putUserProperty("color", "red");
            }
            producer.send(m);
        }
    }

    @AfterAll
    static void stop() {
        producer.shutdown();
        fixture.close();
    }

    @Test
    void sqlSubscriptionReceivesExactlyTheMatchingMessages() throws Exception {
        Set<String> got = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = ApacheClients.sqlConsumer(fixture, "cg-sql", "SqlTopic",
            "(a BETWEEN 3 AND 12 AND TAGS = 'even') OR color = 'red'",
            (MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.start();
        List<String> expected = List.of("m-0", "m-4", "m-5", "m-6", "m-8", "m-10", "m-12", "m-15");
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> got.size() >= expected.size());
            // one more round of pulls must not bring anything else
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        } finally {
            consumer.shutdown();
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void malformedExpressionIsRefusedAtConsumerStart() throws Exception {
        DefaultMQPushConsumer consumer = ApacheClients.sqlConsumer(fixture, "cg-sql-bad", "SqlTopic",
            "a >>> 3 AND", (MessageListenerConcurrently) (msgs, ctx) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        try {
            assertThatThrownBy(consumer::start).isInstanceOfSatisfying(MQClientException.class, e ->
                assertThat(e.getResponseCode()).isEqualTo(23)); // SUBSCRIPTION_PARSE_FAILED with the parser's text
        } finally {
            consumer.shutdown();
        }
    }
}
