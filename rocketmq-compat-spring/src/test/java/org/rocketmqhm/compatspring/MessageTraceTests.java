package org.rocketmqhm.compatspring;

import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter's message trace switched on for the template ({@code rocketmq.producer.enable-msg-trace}) and a
 * listener ({@code enableMsgTrace = true}): sends and consumes still work, and our broker (traceTopicEnable=true)
 * stores the producer's Pub record and the listener's SubBefore / SubAfter records in RMQ_SYS_TRACE_TOPIC, findable
 * by the message id key.
 */
@SpringBootTest(classes = MessageTraceTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
    "rocketmq.producer.group=spring-trace-pg",
    "rocketmq.producer.enable-msg-trace=true"
})
class MessageTraceTests extends OurPlatformTestBase {

    static final String TOPIC = "SpringTraceTopic";
    static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    @BeforeAll
    static void topics() {
        createTopics(4, TOPIC);
    }

    @RocketMQMessageListener(topic = TOPIC, consumerGroup = "spring-trace-cg", enableMsgTrace = true)
    static class Traced implements RocketMQListener<String> {
        final Set<String> received = ConcurrentHashMap.newKeySet();

        @Override
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Traced traced() {
            return new Traced();
        }
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    Traced traced;

    @Test
    void tracedSendAndConsumeLeaveTraceRecords() {
        SendResult result = template.syncSend(TOPIC + ":traced", "traced-1");
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(WAIT).until(() -> traced.received.contains("traced-1"));

        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(platform.nameServerAddress());
        admin.start();
        try {
            // Trace records are keyed by the traced message's id; the record type leads each record.
            Set<String> types = ConcurrentHashMap.newKeySet();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> {
                    admin.queryMessageByKey(TRACE_TOPIC, result.getMsgId(), 32, 0, Long.MAX_VALUE).stream()
                        .flatMap(m -> new String(m.getBody(), StandardCharsets.UTF_8).lines())
                        .flatMap(body -> java.util.Arrays.stream(body.split("\u0002")))
                        .filter(r -> r.contains(result.getMsgId()))
                        .map(r -> r.split("\u0001")[0])
                        .collect(Collectors.toCollection(() -> types));
                    return types.containsAll(Set.of("Pub", "SubBefore", "SubAfter"));
                });
            // SubBefore / SubAfter need the MSG_REGION property on the consumed message: the 5.x client drops
            // consume traces without it (see docs/compatibility.md).
            assertThat(types).contains("Pub", "SubBefore", "SubAfter");
        } finally {
            admin.shutdown();
        }
    }
}
