package org.rocketmqhm.brokerapp;

import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name server, on unless {@code rocketmq.namesrv.enabled=false}; settings under {@code rocketmq.namesrv.*}. It
 * is started early by {@link EarlyPlatformStart}; this lifecycle ties it to the context: refresh waits for it (and
 * fails with its exception), close stops it.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rocketmq.namesrv", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NameServerConfiguration {

    /** Starts before the broker so that the broker can register at once. */
    public static final int PHASE = Integer.MAX_VALUE - 2048;

    /**
     * The settings the name server was started with (bound from {@code rocketmq.namesrv.*} by
     * {@link PlatformStart#fromEnvironment}); declared here for configuration metadata and {@code /actuator/configprops}.
     */
    @Bean
    @ConfigurationProperties("rocketmq.namesrv")
    NamesrvConfig namesrvConfig(PlatformStart platform) {
        return platform.nameServer().config();
    }

    @Bean
    NameServerLifecycle nameServerLifecycle(PlatformStart platform) {
        return new NameServerLifecycle(platform);
    }

    /** Runs the name server with the application context. */
    public static final class NameServerLifecycle implements SmartLifecycle {
        private final PlatformStart platform;
        private volatile boolean running;

        NameServerLifecycle(PlatformStart platform) {
            this.platform = platform;
        }

        public NameServer nameServer() {
            return platform.nameServer();
        }

        @Override
        public void start() {
            platform.await();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            platform.stopNameServer();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return PHASE;
        }
    }
}
