package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code filterSupportRetry} with Apache 4.9.7's clients: a group subscribes its topic by SQL92 ({@code a > 5});
 * messages in its {@code %RETRY%} topic carrying {@code RETRY_TOPIC} = that topic are filtered by that expression
 * only when the broker runs with {@code filterSupportRetry=true}; by default every retry message is delivered.
 */
class FilterSupportRetryTests {

    @TempDir
    Path dir;

    @Test
    void retryMessagesAreSqlFilteredWhenEnabled() throws Exception {
        assertThat(deliveredRetryBodies(true)).containsExactlyInAnyOrder("plain-10", "retry-10");
    }

    @Test
    void retryMessagesAreNotFilteredByDefault() throws Exception {
        assertThat(deliveredRetryBodies(false)).containsExactlyInAnyOrder("plain-10", "retry-1", "retry-10");
    }

    private Set<String> deliveredRetryBodies(boolean filterSupportRetry) throws Exception {
        Set<String> got = ConcurrentHashMap.newKeySet();
        try (BrokerFixture fixture = new BrokerFixture(dir, b -> {
            b.setEnablePropertyFilter(true);
            b.setFilterSupportRetry(filterSupportRetry);
        }, s -> { })) {
            DefaultMQProducer producer = ApacheClients.producer(fixture, "pg-retry-filter");
            DefaultMQPushConsumer consumer = ApacheClients.sqlConsumer(fixture, "cg-retry-filter", "RetryFilterTopic",
                "a > 5", (MessageListenerConcurrently) (msgs, ctx) -> {
                    msgs.forEach(m -> got.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            consumer.setHeartbeatBrokerInterval(1000);
            try {
                producer.send(message("RetryFilterTopic", "plain-1", 1, false));
                consumer.start();
                producer.send(message("RetryFilterTopic", "plain-10", 10, false));
                await().atMost(Duration.ofSeconds(20)).until(() -> got.contains("plain-10"));
                producer.send(message("%RETRY%cg-retry-filter", "retry-1", 1, true));
                producer.send(message("%RETRY%cg-retry-filter", "retry-10", 10, true));
                await().atMost(Duration.ofSeconds(20)).until(() -> got.contains("retry-10"));
                // retry-1 sits before retry-10 in the single retry queue: it was pulled (or filtered) already
                await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            } finally {
                consumer.shutdown();
                producer.shutdown();
            }
        }
        return got;
    }

    private static Message message(String topic, String body, int a, boolean retry) {
        Message m = new Message(topic, body.getBytes(StandardCharsets.UTF_8));
        m.putUserProperty("a", String.valueOf(a));
        if (retry) {
            MessageAccessor.putProperty(m, MessageConst.PROPERTY_RETRY_TOPIC, "RetryFilterTopic");
        }
        return m;
    }
}
