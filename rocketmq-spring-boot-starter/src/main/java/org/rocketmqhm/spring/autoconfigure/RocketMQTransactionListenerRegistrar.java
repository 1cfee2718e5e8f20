package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.spring.annotation.RocketMQTransactionListener;
import org.rocketmqhm.spring.core.LocalTransactionBridge;
import org.rocketmqhm.spring.core.RocketMQLocalTransactionListener;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.core.annotation.AnnotationUtils;

import java.util.Map;

/**
 * Binds every {@code @RocketMQTransactionListener} bean to the template named by its
 * {@code rocketMQTemplateBeanName}, once all singletons exist. Fails the context when the template is missing, has
 * no transactional producer, or already has a listener.
 *
 * @since 0.1.0
 */
final class RocketMQTransactionListenerRegistrar implements SmartInitializingSingleton, BeanFactoryAware {

    private ConfigurableListableBeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Object> listeners = beanFactory.getBeansWithAnnotation(RocketMQTransactionListener.class);
        listeners.forEach((name, bean) -> {
            if (!(bean instanceof RocketMQLocalTransactionListener listener)) {
                throw new IllegalStateException("@RocketMQTransactionListener bean " + name + " must implement "
                    + RocketMQLocalTransactionListener.class.getName());
            }
            RocketMQTransactionListener annotation = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
                RocketMQTransactionListener.class);
            String templateName = annotation.rocketMQTemplateBeanName();
            if (!beanFactory.containsBean(templateName)) {
                throw new IllegalStateException("@RocketMQTransactionListener bean " + name
                    + " refers to missing RocketMQTemplate bean " + templateName);
            }
            RocketMQTemplate template = beanFactory.getBean(templateName, RocketMQTemplate.class);
            if (!(template.getTransactionSupport() instanceof LocalTransactionBridge bridge)) {
                throw new IllegalStateException("RocketMQTemplate " + templateName + " has no transactional producer");
            }
            bridge.bind(listener);
        });
    }
}
