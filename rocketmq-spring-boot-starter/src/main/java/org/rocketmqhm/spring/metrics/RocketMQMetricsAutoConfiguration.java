package org.rocketmqhm.spring.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for RocketMQ sends, consumption and consumer lag ({@link ConsumerLagMetrics}), active when Micrometer is on the class path and a
 * {@link MeterRegistry} bean exists.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = RocketMQAutoConfiguration.class,
    afterName = {"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(prefix = "rocketmq", name = "name-server")
public final class RocketMQMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RocketMQMetrics rocketMQMetrics(MeterRegistry registry) {
        return new RocketMQMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerLagMetrics rocketMQConsumerLagMetrics(MeterRegistry registry,
                                                  ObjectProvider<DefaultRocketMQListenerContainer> containers) {
        return new ConsumerLagMetrics(registry, containers);
    }
}
