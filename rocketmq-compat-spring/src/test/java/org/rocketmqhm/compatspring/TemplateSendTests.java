package org.rocketmqhm.compatspring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** RocketMQTemplate's send family against our broker, checked by a {@code MessageExt} listener on the same topic. */
@SpringBootTest(classes = TemplateSendTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "rocketmq.producer.group=spring-send-pg")
class TemplateSendTests extends OurPlatformTestBase {

    static final String TOPIC = "SpringSendTopic";

    @BeforeAll
    static void topics() {
        createTopics(4, TOPIC);
    }

    record Order(String id, int amount) {
    }

    @RocketMQMessageListener(topic = TOPIC, consumerGroup = "spring-send-cg")
    static class AllMessages extends RecordingListener implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            record(message);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        AllMessages allMessages() {
            return new AllMessages();
        }
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    AllMessages listener;

    private MessageExt awaitBody(String body) {
        return await().atMost(WAIT).until(() -> listener.withBody(body).orElse(null), m -> m != null);
    }

    @Test
    void convertAndSendStringAndTopicTag() {
        template.convertAndSend(TOPIC, "plain-string");
        template.convertAndSend(TOPIC + ":tagA", "tagged-string");

        assertThat(awaitBody("plain-string").getTopic()).isEqualTo(TOPIC);
        assertThat(awaitBody("tagged-string").getTags()).isEqualTo("tagA");
    }

    @Test
    void syncSendPojoAsJson() throws Exception {
        SendResult result = template.syncSend(TOPIC + ":pojo", new Order("o-1", 42));
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        MessageExt message = await().atMost(WAIT).until(
            () -> listener.received.stream().filter(m -> "pojo".equals(m.getTags())).findFirst().orElse(null),
            m -> m != null);
        Map<String, Object> json = new ObjectMapper().readValue(message.getBody(), new TypeReference<>() { });
        assertThat(json).containsEntry("id", "o-1").containsEntry("amount", 42);
        assertThat(message.getMsgId()).isEqualTo(result.getMsgId());
    }

    @Test
    void syncSendWithKeysAndTagsHeaders() {
        Message<String> message = MessageBuilder.withPayload("with-headers")
            .setHeader(RocketMQHeaders.KEYS, "key-1")
            .setHeader(RocketMQHeaders.TAGS, "ignoredBecauseDestinationWins")
            .setHeader("custom-prop", "v1")
            .build();
        SendResult result = template.syncSend(TOPIC + ":hdr", message);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        MessageExt received = awaitBody("with-headers");
        assertThat(received.getKeys()).isEqualTo("key-1");
        assertThat(received.getTags()).isEqualTo("hdr");
        assertThat(received.getUserProperty("custom-prop")).isEqualTo("v1");
    }

    @Test
    void asyncSendCallsBack() throws Exception {
        CompletableFuture<SendResult> done = new CompletableFuture<>();
        template.asyncSend(TOPIC, "async-1", new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                done.complete(sendResult);
            }

            @Override
            public void onException(Throwable e) {
                done.completeExceptionally(e);
            }
        });
        SendResult result = done.get(10, TimeUnit.SECONDS);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(awaitBody("async-1").getMsgId()).isEqualTo(result.getMsgId());
    }

    @Test
    void sendOneWayArrives() {
        template.sendOneWay(TOPIC, "oneway-1");
        awaitBody("oneway-1");
    }

    @Test
    void syncSendOrderlyUsesOneQueuePerHashKey() {
        List<SendResult> results = IntStream.range(0, 6)
            .mapToObj(i -> template.syncSendOrderly(TOPIC, "orderly-" + i, "customer-7"))
            .toList();
        assertThat(results).allSatisfy(r -> assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK));
        assertThat(results.stream().map(r -> r.getMessageQueue().getQueueId()).distinct()).hasSize(1);
        int queueId = results.get(0).getMessageQueue().getQueueId();
        IntStream.range(0, 6).forEach(i -> assertThat(awaitBody("orderly-" + i).getQueueId()).isEqualTo(queueId));
    }

    @Test
    void syncSendWithDelayLevel() {
        long sentAt = System.currentTimeMillis();
        SendResult result = template.syncSend(TOPIC, MessageBuilder.withPayload("delayed-1").build(), 3000, 2);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);

        MessageExt received = awaitBody("delayed-1");
        long arrivedAt = System.currentTimeMillis();
        assertThat(arrivedAt - sentAt).isGreaterThanOrEqualTo(1800);
        // Like Apache's schedule service, ours drops DELAY on re-put and keeps where the message was headed.
        assertThat(received.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL)).isNull();
        assertThat(received.getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(received.getTopic()).isEqualTo(TOPIC);
    }

    @Test
    void syncSendBatch() {
        List<Message<String>> batch = IntStream.range(0, 5)
            .mapToObj(i -> MessageBuilder.withPayload("batch-" + i).setHeader(RocketMQHeaders.KEYS, "bk-" + i).build())
            .toList();
        SendResult result = template.syncSend(TOPIC, batch);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getMsgId().split(",")).hasSize(5);

        IntStream.range(0, 5).forEach(i -> assertThat(awaitBody("batch-" + i).getKeys()).isEqualTo("bk-" + i));
    }
}
