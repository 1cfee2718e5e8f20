package org.rocketmqhm.brokerapp.ops;

import org.rocketmqhm.brokerapp.BrokerConfiguration.BrokerLifecycle;
import org.rocketmqhm.brokerapp.NameServerConfiguration.NameServerLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator pieces: health components {@code store}, {@code nameServerRegistration} and {@code role}, the
 * {@code rocketmq.*} meters (only when the broker runs in this process) and the {@code rocketmq} info section.
 *
 * @since 0.2.0
 */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    @Bean
    PlatformInfoContributor rocketmqInfoContributor(ObjectProvider<NameServerLifecycle> nameServer,
                                                    ObjectProvider<BrokerLifecycle> broker) {
        return new PlatformInfoContributor(nameServer, broker);
    }

    /** Broker-only pieces, on with the broker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "rocketmq.broker", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class BrokerOperations {

        @Bean
        StoreHealthIndicator storeHealthIndicator(BrokerLifecycle broker) {
            return new StoreHealthIndicator(broker.broker());
        }

        @Bean
        NameServerRegistrationHealthIndicator nameServerRegistrationHealthIndicator(BrokerLifecycle broker) {
            return new NameServerRegistrationHealthIndicator(broker.broker());
        }

        @Bean
        BrokerRoleHealthIndicator roleHealthIndicator(BrokerLifecycle broker) {
            return new BrokerRoleHealthIndicator(broker.broker());
        }

        @Bean
        BrokerMeters rocketmqBrokerMeters(BrokerLifecycle broker) {
            return new BrokerMeters(broker.broker());
        }
    }
}
