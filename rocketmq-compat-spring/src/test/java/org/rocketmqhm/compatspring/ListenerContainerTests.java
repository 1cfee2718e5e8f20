package org.rocketmqhm.compatspring;

import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.ConsumeMode;
import org.apache.rocketmq.spring.annotation.MessageModel;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.annotation.SelectorType;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code @RocketMQMessageListener} containers of Apache's starter consuming from our broker. */
@SpringBootTest(classes = ListenerContainerTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "rocketmq.producer.group=spring-listen-pg")
class ListenerContainerTests extends OurPlatformTestBase {


    @BeforeAll
    static void topics() {
        createTopics(4, "SpringConcurrent", "SpringOrderly", "SpringSql", "SpringTag", "SpringBroadcast",
            "SpringRetry");
        // Our broker creates %RETRY%<group> on the group's first heartbeat, as Apache's does. Apache's client looks
        // the retry topic up once when the consumer starts (before that heartbeat) and then only every 30 s
        // (pollNameServerInterval), so without this the first redelivery may wait up to 30 s for a route; an
        // operator would pre-create it the same way (updateTopic / updateSubGroup).
        createTopics(1, "%RETRY%spring-retry-cg");
    }

    @RocketMQMessageListener(topic = "SpringConcurrent", consumerGroup = "spring-concurrent-cg")
    static class Concurrent implements RocketMQListener<String> {
        final Set<String> received = ConcurrentHashMap.newKeySet();

        @Override
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @RocketMQMessageListener(topic = "SpringOrderly", consumerGroup = "spring-orderly-cg",
        consumeMode = ConsumeMode.ORDERLY)
    static class Orderly implements RocketMQListener<String> {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @RocketMQMessageListener(topic = "SpringSql", consumerGroup = "spring-sql-cg",
        selectorType = SelectorType.SQL92, selectorExpression = "a > 5 AND region = 'eu'")
    static class Sql implements RocketMQListener<String> {
        final Set<String> received = ConcurrentHashMap.newKeySet();

        @Override
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @RocketMQMessageListener(topic = "SpringTag", consumerGroup = "spring-tag-cg",
        selectorExpression = "tagA || tagB")
    static class Tag implements RocketMQListener<MessageExt> {
        final Set<String> received = ConcurrentHashMap.newKeySet();

        @Override
        public void onMessage(MessageExt message) {
            received.add(message.getTags() + ":" + RecordingListener.body(message));
        }
    }

    static class Broadcast implements RocketMQListener<String> {
        final Set<String> received = ConcurrentHashMap.newKeySet();

        @Override
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @RocketMQMessageListener(topic = "SpringBroadcast", consumerGroup = "spring-broadcast-cg",
        messageModel = MessageModel.BROADCASTING, instanceName = "broadcast-1")
    static class BroadcastOne extends Broadcast {
    }

    @RocketMQMessageListener(topic = "SpringBroadcast", consumerGroup = "spring-broadcast-cg",
        messageModel = MessageModel.BROADCASTING, instanceName = "broadcast-2")
    static class BroadcastTwo extends Broadcast {
    }

    @RocketMQMessageListener(topic = "SpringRetry", consumerGroup = "spring-retry-cg")
    static class FailsOnce implements RocketMQListener<MessageExt> {
        final List<MessageExt> deliveries = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(MessageExt message) {
            deliveries.add(message);
            if (message.getReconsumeTimes() == 0) {
                throw new IllegalStateException("first delivery fails on purpose");
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Concurrent concurrent() {
            return new Concurrent();
        }

        @Bean
        Orderly orderly() {
            return new Orderly();
        }

        @Bean
        Sql sql() {
            return new Sql();
        }

        @Bean
        Tag tag() {
            return new Tag();
        }

        @Bean
        BroadcastOne broadcastOne() {
            return new BroadcastOne();
        }

        @Bean
        BroadcastTwo broadcastTwo() {
            return new BroadcastTwo();
        }

        @Bean
        FailsOnce failsOnce() {
            return new FailsOnce();
        }
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    Concurrent concurrent;

    @Autowired
    Orderly orderly;

    @Autowired
    Sql sql;

    @Autowired
    Tag tag;

    @Autowired
    BroadcastOne broadcastOne;

    @Autowired
    BroadcastTwo broadcastTwo;

    @Autowired
    FailsOnce failsOnce;

    @Test
    void concurrentlyConsumesEverything() {
        IntStream.range(0, 20).forEach(i -> template.convertAndSend("SpringConcurrent", "c-" + i));
        await().atMost(WAIT).until(() -> concurrent.received.size() == 20);
        assertThat(concurrent.received).containsAll(IntStream.range(0, 20).mapToObj(i -> "c-" + i).toList());
    }

    @Test
    void orderlyKeepsOrderPerHashKey() {
        for (int i = 0; i < 10; i++) {
            for (String key : List.of("k0", "k1", "k2")) {
                assertThat(template.syncSendOrderly("SpringOrderly", key + "-" + i, key).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
            }
        }
        await().atMost(WAIT).until(() -> orderly.received.size() == 30);
        Map<String, List<Integer>> perKey = orderly.received.stream().collect(Collectors.groupingBy(
            m -> m.substring(0, 2), Collectors.mapping(m -> Integer.parseInt(m.substring(3)), Collectors.toList())));
        assertThat(perKey).hasSize(3);
        perKey.values().forEach(seq -> assertThat(seq).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void sql92SelectorFiltersOnTheBroker() {
        for (int i = 0; i < 10; i++) {
            template.syncSend("SpringSql", MessageBuilder.withPayload("s-" + i)
                .setHeader("a", i).setHeader("region", i % 2 == 0 ? "eu" : "us").build());
        }
        await().atMost(WAIT).until(() -> sql.received.size() == 2);
        // Nothing else trickles in: the eight non-matching messages stay on the broker.
        template.syncSend("SpringSql", MessageBuilder.withPayload("s-marker")
            .setHeader("a", 99).setHeader("region", "eu").build());
        await().atMost(WAIT).until(() -> sql.received.contains("s-marker"));
        assertThat(sql.received).containsExactlyInAnyOrder("s-6", "s-8", "s-marker");
    }

    @Test
    void tagSelectorFilters() {
        template.convertAndSend("SpringTag:tagA", "1");
        template.convertAndSend("SpringTag:tagC", "2");
        template.convertAndSend("SpringTag:tagB", "3");
        template.convertAndSend("SpringTag", "4");
        template.convertAndSend("SpringTag:tagA", "5");
        await().atMost(WAIT).until(() -> tag.received.size() == 3);
        assertThat(tag.received).containsExactlyInAnyOrder("tagA:1", "tagB:3", "tagA:5");
    }

    @Test
    void broadcastingDeliversToEveryInstance() {
        // A broadcasting consumer without a local offset starts at the queue's max offset once it has rebalanced:
        // wait until both instances see a probe before sending the messages under test. Apache's client rebalances
        // every 20 s: an instance whose first rebalance ran before the topic had a route gets its queues only at the
        // next one, so this wait spans more than one rebalance period.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            template.convertAndSend("SpringBroadcast", "probe");
            return broadcastOne.received.remove("probe") & broadcastTwo.received.remove("probe");
        });
        IntStream.range(0, 8).forEach(i -> template.convertAndSend("SpringBroadcast", "b-" + i));
        List<String> expected = IntStream.range(0, 8).mapToObj(i -> "b-" + i).toList();
        await().atMost(WAIT).until(() -> broadcastOne.received.containsAll(expected)
            && broadcastTwo.received.containsAll(expected));
        // Late probes aside, each instance got every message exactly once.
        broadcastOne.received.remove("probe");
        broadcastTwo.received.remove("probe");
        assertThat(broadcastOne.received).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(broadcastTwo.received).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void listenerThatThrowsGetsTheRedelivery() {
        template.convertAndSend("SpringRetry", "retry-me");
        await().atMost(WAIT).until(() -> failsOnce.deliveries.size() >= 2);
        MessageExt first = failsOnce.deliveries.get(0);
        MessageExt second = failsOnce.deliveries.get(1);
        assertThat(RecordingListener.body(second)).isEqualTo("retry-me");
        assertThat(second.getReconsumeTimes()).isEqualTo(1);
        assertThat(second.getTopic()).isEqualTo("SpringRetry");
        assertThat(second.getMsgId()).isEqualTo(first.getMsgId());
    }
}
