package org.rocketmqhm.compatspring;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQLocalRequestCallback;
import org.apache.rocketmq.spring.core.RocketMQReplyListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request-reply ({@code sendAndReceive} with a {@code RocketMQReplyListener}) and the template's lite pull consumer
 * ({@code rocketmq.pull-consumer.*}, {@code receive}) against our broker.
 */
@SpringBootTest(classes = RequestReplyAndPullTests.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
    "rocketmq.producer.group=spring-rr-pg",
    "rocketmq.pull-consumer.group=spring-pull-cg",
    "rocketmq.pull-consumer.topic=SpringPullTopic"
})
class RequestReplyAndPullTests extends OurPlatformTestBase {

    @BeforeAll
    static void topics() {
        createTopics(4, "SpringRequestTopic", "SpringPullTopic");
    }

    @RocketMQMessageListener(topic = "SpringRequestTopic", consumerGroup = "spring-reply-cg")
    static class Echo implements RocketMQReplyListener<String, String> {
        @Override
        public String onMessage(String request) {
            return "reply-to-" + request;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Echo echo() {
            return new Echo();
        }
    }

    @Autowired
    RocketMQTemplate template;

    /**
     * The callback form of {@code sendAndReceive}. The blocking form cannot be tested with this starter: its
     * rocketmq-client 5.3.2 releases the reply latch as soon as the request is stored (apache/rocketmq#9292, since
     * 5.3.1), so it throws "send request message ... OK, but wait reply message timeout" at once, whatever broker.
     */
    @Test
    void sendAndReceiveWithCallbackGetsTheReply() throws Exception {
        for (String request : List.of("ping", "pong")) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            template.sendAndReceive("SpringRequestTopic", request, new RocketMQLocalRequestCallback<String>() {
                @Override
                public void onSuccess(String message) {
                    reply.complete(message);
                }

                @Override
                public void onException(Throwable e) {
                    reply.completeExceptionally(e);
                }
            }, 10_000);
            assertThat(reply.get(15, TimeUnit.SECONDS)).isEqualTo("reply-to-" + request);
        }
    }

    @Test
    void receivePullsWhatWasSent() {
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "pull-" + i).toList();
        sent.forEach(body -> template.syncSend("SpringPullTopic", body));
        Set<String> received = ConcurrentHashMap.newKeySet();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(template.receive(String.class, 500));
            return received.containsAll(sent);
        });
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }
}
