package org.rocketmqhm.brokerapp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link PlatformStart} for contexts that {@link EarlyPlatformStart} did not see (built without
 * {@code SpringApplication}): the roles then start on the main thread when the lifecycles start.
 *
 * @since 0.2.0
 */
@Configuration(proxyBeanMethods = false)
class PlatformStartConfiguration {

    @Bean(EarlyPlatformStart.BEAN_NAME)
    @ConditionalOnMissingBean(PlatformStart.class)
    PlatformStart rocketmqPlatformStart(Environment environment) {
        return PlatformStart.fromEnvironment(environment);
    }
}
