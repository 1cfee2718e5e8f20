package org.rocketmqhm.spring.test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.List;
import java.util.Map;

/**
 * Turns {@link EmbeddedRocketMQ} on a test class into a started {@link EmbeddedRocketMQBroker} registered as a bean
 * (closed with the context) and a highest-precedence {@code rocketmq.name-server} property. Registered in
 * {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
public final class EmbeddedRocketMQContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedRocketMQ annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, EmbeddedRocketMQ.class);
        return annotation == null ? null : new Customizer(annotation);
    }

    /** Equal for equal annotations, so that the context cache shares one broker between such classes. */
    private record Customizer(EmbeddedRocketMQ annotation) implements ContextCustomizer {

        private static final String BEAN_NAME = "embeddedRocketMQBroker";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            EmbeddedRocketMQBroker broker = EmbeddedRocketMQBroker.start(annotation.enablePropertyFilter(),
                annotation.transactionCheckIntervalMillis(), annotation.messageDelayLevel(),
                annotation.brokerProperties());
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            beanFactory.registerSingleton(BEAN_NAME, broker);
            // registered first, destroyed last: producers and consumers shut down while the broker still answers
            ((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, broker::close);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedRocketMQ",
                Map.of(annotation.nameServerProperty(), broker.nameServerAddress())));
        }
    }
}
