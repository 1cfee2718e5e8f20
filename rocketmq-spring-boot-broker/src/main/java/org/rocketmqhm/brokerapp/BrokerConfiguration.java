package org.rocketmqhm.brokerapp;

import org.rocketmqhm.brokerapp.NameServerConfiguration.NameServerLifecycle;
import org.rocketmqhm.core.broker.Broker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The broker, on unless {@code rocketmq.broker.enabled=false}; settings from {@code -c broker.properties} and
 * {@code rocketmq.broker.*}.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rocketmq.broker", name = "enabled", havingValue = "true", matchIfMissing = true)
public class BrokerConfiguration {

    @Bean
    BrokerSettings brokerSettings(Environment environment) {
        return BrokerSettingsLoader.load(environment);
    }

    @Bean
    BrokerLifecycle brokerLifecycle(BrokerSettings settings, ObjectProvider<NameServerLifecycle> nameServer) {
        return new BrokerLifecycle(new Broker(settings.broker(), settings.store()), nameServer.getIfAvailable());
    }

    /**
     * Runs the broker with the application context: starts after the name server, stops before it. Without
     * {@code namesrvAddr} the broker registers with the name server of the same process.
     */
    public static final class BrokerLifecycle implements SmartLifecycle {
        private final Broker broker;
        private final NameServerLifecycle localNameServer;

        BrokerLifecycle(Broker broker, NameServerLifecycle localNameServer) {
            this.broker = broker;
            this.localNameServer = localNameServer;
        }

        public Broker broker() {
            return broker;
        }

        @Override
        public void start() {
            String namesrvAddr = broker.config().getNamesrvAddr();
            if ((namesrvAddr == null || namesrvAddr.isBlank()) && localNameServer != null) {
                broker.config().setNamesrvAddr("127.0.0.1:" + localNameServer.nameServer().listenPort());
            }
            broker.start();
        }

        @Override
        public void stop() {
            broker.shutdown();
        }

        @Override
        public boolean isRunning() {
            return broker.isRunning();
        }

        @Override
        public int getPhase() {
            return NameServerConfiguration.PHASE + 1;
        }
    }
}
