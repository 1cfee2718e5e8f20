package org.rocketmqhm.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.core.SendObserver;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RocketMQMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class, RocketMQMetricsAutoConfiguration.class))
        .withPropertyValues("rocketmq.name-server=127.0.0.1:9876");

    @Test
    void runWithRegistryShouldObserveTemplateSends() {
        contextRunner.withUserConfiguration(Registry.class).run(ctx -> {
            RocketMQMetrics metrics = ctx.getBean(RocketMQMetrics.class);
            assertThat(ctx.getBean(RocketMQTemplate.class).getSendObserver()).isSameAs(metrics);
        });
    }

    @Test
    void metersCarryTopicGroupAndOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RocketMQMetrics metrics = new RocketMQMetrics(registry);
        metrics.onSend("orders", 1_000_000, null);
        metrics.onSend("orders", 2_000_000, new RuntimeException());
        metrics.onConsume("g", "orders", 1_000, null);
        metrics.onConsume("g", "orders", 1_000, new RuntimeException());
        assertThat(registry.get(RocketMQMetrics.SEND).tags("topic", "orders", "outcome", "success").timer().count())
            .isEqualTo(1);
        assertThat(registry.get(RocketMQMetrics.SEND).tags("topic", "orders", "outcome", "failure").timer().count())
            .isEqualTo(1);
        assertThat(registry.get(RocketMQMetrics.CONSUME).tags("group", "g", "outcome", "failure").timer().count())
            .isEqualTo(1);
        assertThat(registry.get(RocketMQMetrics.CONSUME_FAILURES).tags("group", "g", "topic", "orders").counter()
            .count()).isEqualTo(1.0);
    }

    @Test
    void runWithoutRegistryShouldNotObserve() {
        contextRunner.run(ctx -> {
            assertThat(ctx).doesNotHaveBean(RocketMQMetrics.class);
            assertThat(ctx.getBean(RocketMQTemplate.class).getSendObserver()).isSameAs(SendObserver.NONE);
        });
    }

    @Test
    void runWithoutMicrometerShouldStillStart() {
        contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(RocketMQMetrics.class)
                .hasSingleBean(RocketMQTemplate.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
