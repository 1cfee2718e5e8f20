package org.rocketmqhm.spring.core;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.client.trace.TraceEncoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code rocketmq.producer.enable-msg-trace} / {@code customized-trace-topic} and the listener's
 * {@code enableMsgTrace} / {@code customizedTraceTopic}: the broker creates the customized trace topic at start-up
 * ({@code traceTopicEnable}, {@code msgTraceTopicName}); the Pub, SubBefore and SubAfter records of the message are
 * found there by its id. {@code rocketmq.pull-consumer.enable-msg-trace} makes {@code receive} record SubBefore /
 * SubAfter too.
 */
class MessageTraceIntegrationTests {

    static final String TRACE_TOPIC = "APP_TRACE_TOPIC";
    static EmbeddedRocketMQBroker broker;
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        broker = EmbeddedRocketMQBroker.start(true, 1000, "1s", "traceTopicEnable=true",
            "msgTraceTopicName=" + TRACE_TOPIC);
        broker.createTopic("traced", 2);
        broker.createTopic("traced-pull", 2);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @RocketMQMessageListener(topic = "traced", consumerGroup = "traced-listener", enableMsgTrace = true,
        customizedTraceTopic = TRACE_TOPIC)
    static class TracedListener implements RocketMQListener<String> {
        public void onMessage(String message) {
            RECEIVED.add(message);
        }
    }

    @Test
    void producerAndListenerTracesLandInTheCustomizedTraceTopic() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withBean(TracedListener.class)
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(),
                "rocketmq.producer.group=traced-app", "rocketmq.producer.enable-msg-trace=true",
                "rocketmq.producer.customized-trace-topic=" + TRACE_TOPIC)
            .run(ctx -> {
                assertThat(ctx).hasNotFailed();
                RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
                SendResult sent = template.syncSend("traced:tagX", "hello trace");
                assertThat(RECEIVED.poll(30, TimeUnit.SECONDS)).isEqualTo("hello trace");
                AdminClient admin = new AdminClient();
                admin.setNamesrvAddr(broker.nameServerAddress());
                admin.setInstanceName("trace-admin");
                admin.start();
                try {
                    List<String> types = new ArrayList<>();
                    await().atMost(Duration.ofSeconds(30)).until(() -> {
                        types.clear();
                        for (MessageExt m : admin.queryMessageByKey(TRACE_TOPIC, sent.msgId(), 64, 0,
                            Long.MAX_VALUE)) {
                            String body = new String(m.getBody(), StandardCharsets.UTF_8);
                            for (String record : body.split(String.valueOf(TraceEncoder.FIELD_SPLITOR))) {
                                if (record.contains(sent.msgId())) {
                                    types.add(record.substring(0, record.indexOf(TraceEncoder.CONTENT_SPLITOR)));
                                }
                            }
                        }
                        return types.containsAll(List.of("Pub", "SubBefore", "SubAfter"));
                    });
                } finally {
                    admin.shutdown();
                }
            });
    }

    @Test
    void pullConsumerTracesLandInTheCustomizedTraceTopic() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(),
                "rocketmq.producer.group=traced-pull-app",
                "rocketmq.pull-consumer.group=traced-puller", "rocketmq.pull-consumer.topic=traced-pull",
                "rocketmq.pull-consumer.enable-msg-trace=true",
                "rocketmq.pull-consumer.customized-trace-topic=" + TRACE_TOPIC)
            .run(ctx -> {
                assertThat(ctx).hasNotFailed();
                RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
                SendResult sent = template.syncSend("traced-pull", "pulled trace");
                List<String> received = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    received.addAll(template.receive(String.class, 500));
                    return received.contains("pulled trace");
                });
                AdminClient admin = new AdminClient();
                admin.setNamesrvAddr(broker.nameServerAddress());
                admin.setInstanceName("trace-pull-admin");
                admin.start();
                try {
                    List<String> records = new ArrayList<>();
                    await().atMost(Duration.ofSeconds(30)).until(() -> {
                        records.clear();
                        for (MessageExt m : admin.queryMessageByKey(TRACE_TOPIC, sent.msgId(), 64, 0,
                            Long.MAX_VALUE)) {
                            String body = new String(m.getBody(), StandardCharsets.UTF_8);
                            for (String record : body.split(String.valueOf(TraceEncoder.FIELD_SPLITOR))) {
                                if (record.contains(sent.msgId()) && record.startsWith("Sub")) {
                                    records.add(record);
                                }
                            }
                        }
                        return records.stream().anyMatch(r -> r.startsWith("SubBefore"))
                            && records.stream().anyMatch(r -> r.startsWith("SubAfter"));
                    });
                    assertThat(records).filteredOn(r -> r.startsWith("SubBefore"))
                        .allSatisfy(r -> assertThat(r).contains("traced-puller"));
                } finally {
                    admin.shutdown();
                }
            });
    }
}
