package org.rocketmqhm.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.spring.core.BridgedTransactionProducer;
import org.rocketmqhm.spring.core.LitePullReceiveSupport;
import org.rocketmqhm.spring.core.ConsumeObserver;
import org.rocketmqhm.spring.core.ListenerConsumerFactory;
import org.rocketmqhm.spring.core.PushListenerConsumerFactory;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.core.SendObserver;
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
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of Rocketmq-Hm for Spring Boot, active when {@code rocketmq.name-server} is set: the message
 * converter, the default producer and {@code RocketMQTemplate}, and the listener containers of
 * {@code @RocketMQMessageListener} beans.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnClass(Producer.class)
@ConditionalOnProperty(prefix = "rocketmq", name = "name-server")
@EnableConfigurationProperties(RocketMQProperties.class)
public final class RocketMQAutoConfiguration {

    @Bean
    ListenerContainerRegistrar rocketMQListenerContainerRegistrar(RocketMQProperties properties,
            ObjectProvider<ListenerConsumerFactory> consumerFactory, ObjectProvider<ConsumeObserver> observer) {
        return new ListenerContainerRegistrar(properties, consumerFactory, observer);
    }

    /** Listener containers run on Rocketmq-Hm's push consumer unless the application defines its own factory. */
    @Bean
    @ConditionalOnMissingBean(ListenerConsumerFactory.class)
    ListenerConsumerFactory rocketMQListenerConsumerFactory() {
        return new PushListenerConsumerFactory();
    }

    @Bean
    static ExtRocketMQTemplatePostProcessor extRocketMQTemplatePostProcessor() {
        return new ExtRocketMQTemplatePostProcessor();
    }

    @Bean
    static RocketMQTransactionListenerRegistrar rocketMQTransactionListenerRegistrar() {
        return new RocketMQTransactionListenerRegistrar();
    }

    /** Bean name of the default template; {@code @RocketMQTransactionListener} binds to it by default. */
    public static final String ROCKETMQ_TEMPLATE_DEFAULT_GLOBAL_NAME = "rocketMQTemplate";

    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(Producer.class)
    Producer rocketMQProducer(RocketMQProperties properties, Environment environment,
                              ObjectProvider<RocketMQProducerCustomizer> customizers) {
        RocketMQProperties.Producer settings = properties.getProducer();
        String group = ProducerFactory.resolveGroup(settings.getGroup(), environment.getProperty("spring.application.name"));
        Producer producer = ProducerFactory.create(properties.getNameServer(), group, settings,
            properties.getAccessChannel());
        customizers.orderedStream().forEach(customizer -> customizer.customize(producer));
        return producer;
    }

    /**
     * The pull consumer behind {@code RocketMQTemplate.receive}, when a group and a topic are configured. The default
     * template starts and stops it.
     */
    @Bean(destroyMethod = "shutdown")
    @ConditionalOnMissingBean(LitePullConsumer.class)
    @Conditional(OnPullConsumerCondition.class)
    LitePullConsumer rocketMQLitePullConsumer(RocketMQProperties properties) {
        return PullConsumerFactory.create(properties.getNameServer(), PullConsumerFactory.effective(properties),
            properties.getAccessChannel());
    }

    @Bean(name = ROCKETMQ_TEMPLATE_DEFAULT_GLOBAL_NAME)
    @ConditionalOnMissingBean(name = ROCKETMQ_TEMPLATE_DEFAULT_GLOBAL_NAME)
    RocketMQTemplate rocketMQTemplate(Producer producer, RocketMQMessageConverter converter,
                                      RocketMQProperties properties, ObjectProvider<SendObserver> observer,
                                      ObjectProvider<LitePullConsumer> pullConsumer) {
        RocketMQTemplate template = new RocketMQTemplate();
        pullConsumer.ifAvailable(consumer -> template.setReceiveSupport(
            new LitePullReceiveSupport(consumer, properties.getPullConsumer().getPollTimeout())));
        template.setProducer(producer);
        template.setConverter(converter);
        template.setNamespace(properties.getProducer().getNamespace());
        if (producer instanceof BridgedTransactionProducer bridged) {
            template.setTransactionSupport(bridged.bridge());
        }
        observer.ifAvailable(template::setSendObserver);
        return template;
    }

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
