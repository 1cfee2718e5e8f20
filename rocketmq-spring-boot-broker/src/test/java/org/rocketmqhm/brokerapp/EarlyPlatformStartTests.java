package org.rocketmqhm.brokerapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.brokerapp.BrokerConfiguration.BrokerLifecycle;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The name server and broker serve while the rest of the context is still being built: a bean created during
 * refresh (before any lifecycle starts) sees the broker running and registered.
 */
class EarlyPlatformStartTests {

    @TempDir
    Path dir;

    static final AtomicBoolean SEEN_DURING_REFRESH = new AtomicBoolean();

    @Configuration(proxyBeanMethods = false)
    static class ProbeDuringRefresh {
        @Bean
        Object earlyProbe(PlatformStart platform) {
            // Lifecycles start only after every singleton exists: if the roles started there, this would time out.
            await().atMost(Duration.ofSeconds(60))
                .until(() -> platform.broker().isRunning() && !platform.broker().lastRegistrations().isEmpty());
            SEEN_DURING_REFRESH.set(true);
            return new Object();
        }
    }

    @Test
    void brokerServesBeforeTheContextFinishesRefreshing() {
        SpringApplication application = new SpringApplication(RocketMQBrokerApplication.class, ProbeDuringRefresh.class);
        try (ConfigurableApplicationContext context = application.run("--server.port=0",
            "--rocketmq.namesrv.listen-port=0", "--rocketmq.broker.listen-port=0",
            "--rocketmq.broker.store-path-root-dir=" + dir.resolve("store"),
            "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"),
            "--rocketmq.broker.broker-ip1=127.0.0.1")) {
            assertThat(SEEN_DURING_REFRESH).isTrue();
            assertThat(context.getBean(BrokerLifecycle.class).isRunning()).isTrue();
        }
    }
}
