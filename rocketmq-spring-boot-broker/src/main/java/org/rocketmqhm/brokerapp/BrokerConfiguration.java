package org.rocketmqhm.brokerapp;

import org.rocketmqhm.core.broker.Broker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker, on unless {@code rocketmq.broker.enabled=false}; settings from {@code -c broker.properties} and
 * {@code rocketmq.broker.*}. It is started early by {@link EarlyPlatformStart}; this lifecycle ties it to the
 * context: refresh waits for it (and fails with its exception), close stops it before the name server.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rocketmq.broker", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BrokerConfiguration {

    @Bean
    BrokerLifecycle brokerLifecycle(PlatformStart platform) {
        return new BrokerLifecycle(platform);
    }

    /**
     * Runs the broker with the application context: started after the name server, stopped before it. Without
     * {@code namesrvAddr} the broker registers with the name server of the same process.
     */
    public static final class BrokerLifecycle implements SmartLifecycle {
        private final PlatformStart platform;

        BrokerLifecycle(PlatformStart platform) {
            this.platform = platform;
        }

        public Broker broker() {
            return platform.broker();
        }

        @Override
        public void start() {
            platform.await();
        }

        @Override
        public void stop() {
            platform.stopBroker();
        }

        @Override
        public boolean isRunning() {
            return platform.broker().isRunning();
        }

        @Override
        public int getPhase() {
            return NameServerConfiguration.PHASE + 1;
        }
    }
}
