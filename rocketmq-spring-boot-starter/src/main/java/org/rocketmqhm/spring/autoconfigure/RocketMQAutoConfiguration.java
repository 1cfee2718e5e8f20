package org.rocketmqhm.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Rocketmq-Hm for Spring Boot, active when {@code rocketmq.name-server} is set: the message
 * converter, the default producer and {@code RocketMQTemplate}, and the listener containers of
 * {@code @RocketMQMessageListener} beans.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnProperty(prefix = "rocketmq", name = "name-server")
@EnableConfigurationProperties(RocketMQProperties.class)
public final class RocketMQAutoConfiguration {

    /** Converter built on the application's {@code ObjectMapper} when there is one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObjectMapper.class)
    static class JacksonConverterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RocketMQMessageConverter rocketMQMessageConverter(ObjectProvider<ObjectMapper> objectMapper) {
            ObjectMapper mapper = objectMapper.getIfUnique();
            return mapper != null ? new RocketMQMessageConverter(mapper) : new RocketMQMessageConverter();
        }
    }

    /** Converter for byte arrays and strings only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("com.fasterxml.jackson.databind.ObjectMapper")
    static class PlainConverterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RocketMQMessageConverter rocketMQMessageConverter() {
            return new RocketMQMessageConverter(null);
        }
    }
}
