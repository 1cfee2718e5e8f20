package org.rocketmqhm.spring.health;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.ListenerContainerStates;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class RocketMQHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class,
            RocketMQHealthContributorAutoConfiguration.class));

    @Test
    void runWithReachableNameServerShouldBeUp() throws Exception {
        try (ServerSocket fakeNameServer = new ServerSocket(0)) {
            contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:" + fakeNameServer.getLocalPort())
                .run(ctx -> {
                    Health health = ctx.getBean("rocketmqHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsKeys("nameServers", "templates", "containers");
                    assertThat((Map<Object, Object>) health.getDetails().get("templates")).containsEntry("rocketMQTemplate", true);
                });
        }
    }

    @Test
    void runWithUnreachableNameServerShouldBeDown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:" + port).run(ctx -> {
            Health health = ctx.getBean(RocketMQHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((Map<Object, Object>) health.getDetails().get("nameServers")).containsEntry("127.0.0.1:" + port, "DOWN");
        });
    }

    @Test
    void failedContainerShouldMakeItDown() throws Exception {
        try (ServerSocket fakeNameServer = new ServerSocket(0)) {
            contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:" + fakeNameServer.getLocalPort())
                .withUserConfiguration(FailedContainer.class)
                .run(ctx -> {
                    Health health = ctx.getBean(RocketMQHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat((Map<Object, Object>) health.getDetails().get("containers")).containsEntry("c1", "FAILED");
                });
        }
    }

    @Test
    void runWhenDisabledShouldNotCreateIndicator() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876", "management.health.rocketmq.enabled=false")
            .run(ctx -> assertThat(ctx).doesNotHaveBean(RocketMQHealthIndicator.class)
                .hasSingleBean(RocketMQTemplate.class));
    }

    @Test
    void runWithoutActuatorShouldNotCreateIndicator() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
            .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(RocketMQHealthIndicator.class)
                .hasSingleBean(RocketMQTemplate.class));
    }

    @Test
    void runWithoutNameServerShouldNotCreateIndicator() {
        contextRunner.run(ctx -> assertThat(ctx).doesNotHaveBean(RocketMQHealthIndicator.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class FailedContainer {
        @Bean
        ListenerContainerStates states() {
            return () -> Map.of("c1", "FAILED");
        }
    }
}
