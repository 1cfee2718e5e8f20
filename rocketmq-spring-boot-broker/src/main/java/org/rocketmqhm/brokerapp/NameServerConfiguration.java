package org.rocketmqhm.brokerapp;

import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name server, on unless {@code rocketmq.namesrv.enabled=false}; settings under {@code rocketmq.namesrv.*}.
 *
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rocketmq.namesrv", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NameServerConfiguration {

    /** Starts before the broker so that the broker can register at once. */
    public static final int PHASE = Integer.MAX_VALUE - 2048;

    @Bean
    @ConfigurationProperties("rocketmq.namesrv")
    NamesrvConfig namesrvConfig() {
        return new NamesrvConfig();
    }

    @Bean
    NameServerLifecycle nameServerLifecycle(NamesrvConfig config) {
        return new NameServerLifecycle(new NameServer(config));
    }

    /** Runs the name server with the application context. */
    public static final class NameServerLifecycle implements SmartLifecycle {
        private final NameServer nameServer;
        private volatile boolean running;

        NameServerLifecycle(NameServer nameServer) {
            this.nameServer = nameServer;
        }

        public NameServer nameServer() {
            return nameServer;
        }

        @Override
        public void start() {
            nameServer.start();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            nameServer.shutdown();
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
