package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.ConsumeObserver;
import org.rocketmqhm.spring.core.DefaultRocketMQListenerContainer;
import org.rocketmqhm.spring.core.ListenerConsumerFactory;
import org.rocketmqhm.spring.core.ListenerContainerStates;
import org.rocketmqhm.spring.core.PushListenerConsumerFactory;
import org.rocketmqhm.spring.support.ListenerEndpoint;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers one {@link DefaultRocketMQListenerContainer} bean per {@code @RocketMQMessageListener} bean once all
 * singletons exist, skipping listeners switched off with {@code rocketmq.consumer.listeners.<group>.<topic>=false} and
 * refusing two listeners in one consumer group. Containers start with the context (SmartLifecycle). Also reports
 * their states to the health indicator.
 *
 * @since 0.1.0
 */
final class ListenerContainerRegistrar implements SmartInitializingSingleton, ApplicationContextAware,
        ListenerContainerStates {

    private static final Logger log = LoggerFactory.getLogger(ListenerContainerRegistrar.class);

    private final RocketMQProperties properties;
    private final ObjectProvider<ListenerConsumerFactory> consumerFactory;
    private final ObjectProvider<ConsumeObserver> observer;
    private final Map<String, DefaultRocketMQListenerContainer> containers = new ConcurrentHashMap<>();
    private GenericApplicationContext context;

    ListenerContainerRegistrar(RocketMQProperties properties, ObjectProvider<ListenerConsumerFactory> consumerFactory,
                               ObjectProvider<ConsumeObserver> observer) {
        this.properties = properties;
        this.consumerFactory = consumerFactory;
        this.observer = observer;
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        this.context = (GenericApplicationContext) applicationContext;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, String> groups = new LinkedHashMap<>();
        context.getBeansWithAnnotation(RocketMQMessageListener.class).forEach((beanName, bean) -> {
            RocketMQMessageListener annotation = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
                RocketMQMessageListener.class);
            ListenerEndpoint endpoint = ListenerEndpoints.resolve(beanName, annotation, context.getEnvironment(),
                properties);
            String group = context.getEnvironment().resolvePlaceholders(annotation.consumerGroup());
            String topic = context.getEnvironment().resolvePlaceholders(annotation.topic());
            if (!properties.getConsumer().isListenerEnabled(group, topic)) {
                log.info("listener {} (group {}, topic {}) is switched off by rocketmq.consumer.listeners", beanName,
                    group, topic);
                return;
            }
            String previous = groups.putIfAbsent(endpoint.consumerGroup(), beanName);
            if (previous != null) {
                throw new IllegalStateException("listeners " + previous + " and " + beanName
                    + " share consumer group " + endpoint.consumerGroup() + "; each listener needs its own group");
            }
            register(beanName, bean, endpoint);
        });
    }

    private void register(String beanName, Object listener, ListenerEndpoint endpoint) {
        String containerName = beanName + "RocketMQListenerContainer";
        ListenerConsumerFactory factory = consumerFactory.getIfAvailable(PushListenerConsumerFactory::new);
        RocketMQMessageConverter converter = context.getBean(RocketMQMessageConverter.class);
        context.registerBean(containerName, DefaultRocketMQListenerContainer.class,
            () -> {
                DefaultRocketMQListenerContainer container = new DefaultRocketMQListenerContainer(endpoint, listener,
                    converter, factory, () -> context.getBean(Producer.class));
                observer.ifAvailable(container::setConsumeObserver);
                return container;
            });
        containers.put(containerName, context.getBean(containerName, DefaultRocketMQListenerContainer.class));
    }

    @Override
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        containers.forEach((name, container) -> states.put(name, container.getState()));
        return states;
    }
}
