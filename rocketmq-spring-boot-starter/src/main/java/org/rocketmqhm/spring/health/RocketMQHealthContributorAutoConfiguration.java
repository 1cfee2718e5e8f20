package org.rocketmqhm.spring.health;

import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.autoconfigure.RocketMQProperties;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.core.ListenerContainerStates;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.Map;

/**
 * Registers the {@code rocketmq} health indicator when Actuator is on the class path, RocketMQ is configured and
 * {@code management.health.rocketmq.enabled} is not false.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = RocketMQAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RocketMQProperties.class)
@ConditionalOnEnabledHealthIndicator("rocketmq")
public final class RocketMQHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "rocketmqHealthIndicator")
    RocketMQHealthIndicator rocketmqHealthIndicator(RocketMQProperties properties, ListableBeanFactory beanFactory,
                                                    ObjectProvider<ListenerContainerStates> containers) {
        return new RocketMQHealthIndicator(properties.getNameServer(),
            () -> beanFactory.getBeansOfType(RocketMQTemplate.class),
            () -> containers.stream().map(ListenerContainerStates::states).reduce(Map.of(), (a, b) -> {
                Map<String, String> all = new java.util.LinkedHashMap<>(a);
                all.putAll(b);
                return all;
            }), Duration.ofSeconds(1));
    }
}
