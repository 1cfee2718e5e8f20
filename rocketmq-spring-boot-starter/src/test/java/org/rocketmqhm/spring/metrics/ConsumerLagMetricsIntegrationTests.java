package org.rocketmqhm.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code rocketmq.consumer.lag} on a {@link SimpleMeterRegistry} while a listener is held, and after it drains. */
class ConsumerLagMetricsIntegrationTests {

    static EmbeddedRocketMQBroker broker;
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger CONSUMED = new AtomicInteger();

    @BeforeAll
    static void start() {
        broker = EmbeddedRocketMQBroker.start();
        broker.createTopic("lag-topic", 2);
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        broker.close();
    }

    @RocketMQMessageListener(topic = "lag-topic", consumerGroup = "lag-group")
    static class HeldListener implements RocketMQListener<String> {
        public void onMessage(String message) {
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CONSUMED.incrementAndGet();
        }
    }

    @Test
    void lagGaugeCountsUnconsumedMessagesAndFallsToZeroAfterDraining() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class,
                RocketMQMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, () -> registry)
            .withBean(HeldListener.class)
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(),
                "rocketmq.producer.group=lag-producer")
            .run(ctx -> {
                assertThat(ctx).hasNotFailed();
                RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
                for (int i = 0; i < 7; i++) {
                    template.syncSend("lag-topic", "m" + i);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> lag(registry) == 7.0);
                RELEASE.countDown();
                await().atMost(Duration.ofSeconds(20)).until(() -> CONSUMED.get() == 7 && lag(registry) == 0.0);
            });
    }

    private static double lag(MeterRegistry registry) {
        var gauge = registry.find(ConsumerLagMetrics.LAG).tags("group", "lag-group", "topic", "lag-topic").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
