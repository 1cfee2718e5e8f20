package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.spring.annotation.ExtRocketMQConsumerConfiguration;
import org.rocketmqhm.spring.annotation.ExtRocketMQTemplateConfiguration;
import org.rocketmqhm.spring.core.BridgedTransactionProducer;
import org.rocketmqhm.spring.core.LitePullReceiveSupport;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.core.SendObserver;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.time.Duration;

/**
 * Gives each {@code @ExtRocketMQTemplateConfiguration} template its own producer, built from the annotation with
 * {@code ${...}} placeholders resolved and unset values taken from {@code rocketmq.producer.*}, before the template
 * starts.
 *
 * @since 0.1.0
 */
final class ExtRocketMQTemplatePostProcessor implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beanFactory;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
        this.beanFactory = beanFactory;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof RocketMQTemplate template)) {
            return bean;
        }
        ExtRocketMQConsumerConfiguration consumerExt = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
            ExtRocketMQConsumerConfiguration.class);
        if (consumerExt != null && template.getReceiveSupport() == null) {
            configureReceive(template, consumerExt, beanName);
        }
        ExtRocketMQTemplateConfiguration ext = AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean),
            ExtRocketMQTemplateConfiguration.class);
        if (ext == null || template.getProducer() != null) {
            return bean;
        }
        Environment env = beanFactory.getBean(Environment.class);
        RocketMQProperties properties = beanFactory.getBean(RocketMQProperties.class);
        RocketMQProperties.Producer settings = merge(ext, env, properties.getProducer());
        String nameServer = env.resolvePlaceholders(ext.nameServer());
        if (!StringUtils.hasText(nameServer)) {
            nameServer = properties.getNameServer();
        }
        String group = env.resolvePlaceholders(ext.group());
        if (!StringUtils.hasText(group)) {
            throw new IllegalStateException("@ExtRocketMQTemplateConfiguration of bean " + beanName + " needs a group");
        }
        Producer producer = ProducerFactory.create(nameServer, group, settings,
            env.resolvePlaceholders(ext.accessChannel()));
        template.setProducer(producer);
        template.setNamespace(settings.getNamespace());
        template.setConverter(beanFactory.getBean(RocketMQMessageConverter.class));
        beanFactory.getBeanProvider(SendObserver.class).ifAvailable(template::setSendObserver);
        if (producer instanceof BridgedTransactionProducer bridged) {
            template.setTransactionSupport(bridged.bridge());
        }
        return bean;
    }

    private void configureReceive(RocketMQTemplate template, ExtRocketMQConsumerConfiguration ext, String beanName) {
        Environment env = beanFactory.getBean(Environment.class);
        RocketMQProperties properties = beanFactory.getBean(RocketMQProperties.class);
        RocketMQProperties.PullConsumer settings = new RocketMQProperties.PullConsumer();
        settings.setGroup(env.resolvePlaceholders(ext.group()));
        settings.setTopic(env.resolvePlaceholders(ext.topic()));
        if (!StringUtils.hasText(settings.getGroup()) || !StringUtils.hasText(settings.getTopic())) {
            throw new IllegalStateException("@ExtRocketMQConsumerConfiguration of bean " + beanName
                + " needs a group and a topic");
        }
        settings.setMessageModel(ext.messageModel());
        settings.setSelectorType(ext.selectorType());
        settings.setSelectorExpression(env.resolvePlaceholders(ext.selectorExpression()));
        settings.setPullBatchSize(ext.pullBatchSize());
        settings.setNamespace(env.resolvePlaceholders(ext.namespace()));
        settings.setAccessKey(env.resolvePlaceholders(ext.accessKey()));
        settings.setSecretKey(env.resolvePlaceholders(ext.secretKey()));
        settings.setTlsEnable(Boolean.parseBoolean(env.resolvePlaceholders(ext.tlsEnable()))
            || properties.getPullConsumer().isTlsEnable());
        settings.setInstanceName(env.resolvePlaceholders(ext.instanceName()));
        settings.setEnableMsgTrace(ext.enableMsgTrace());
        settings.setCustomizedTraceTopic(env.resolvePlaceholders(ext.customizedTraceTopic()));
        String nameServer = env.resolvePlaceholders(ext.nameServer());
        if (!StringUtils.hasText(nameServer)) {
            nameServer = properties.getNameServer();
        }
        template.setReceiveSupport(new LitePullReceiveSupport(PullConsumerFactory.create(nameServer, settings,
            env.resolvePlaceholders(ext.accessChannel())),
            properties.getPullConsumer().getPollTimeout()));
        template.setConverter(beanFactory.getBean(RocketMQMessageConverter.class));
    }

    private static RocketMQProperties.Producer merge(ExtRocketMQTemplateConfiguration ext, Environment env,
                                                     RocketMQProperties.Producer defaults) {
        RocketMQProperties.Producer p = new RocketMQProperties.Producer();
        p.setSendMessageTimeout(ext.sendMessageTimeout() >= 0 ? Duration.ofMillis(ext.sendMessageTimeout())
            : defaults.getSendMessageTimeout());
        p.setCompressMessageBodyThreshold(ext.compressMessageBodyThreshold() >= 0
            ? ext.compressMessageBodyThreshold() : defaults.getCompressMessageBodyThreshold());
        p.setRetryTimesWhenSendFailed(ext.retryTimesWhenSendFailed() >= 0 ? ext.retryTimesWhenSendFailed()
            : defaults.getRetryTimesWhenSendFailed());
        p.setRetryTimesWhenSendAsyncFailed(ext.retryTimesWhenSendAsyncFailed() >= 0
            ? ext.retryTimesWhenSendAsyncFailed() : defaults.getRetryTimesWhenSendAsyncFailed());
        p.setRetryNextServer(ext.retryNextServer());
        p.setMaxMessageSize(ext.maxMessageSize() >= 0 ? ext.maxMessageSize() : defaults.getMaxMessageSize());
        p.setAccessKey(env.resolvePlaceholders(ext.accessKey()));
        p.setSecretKey(env.resolvePlaceholders(ext.secretKey()));
        p.setEnableMsgTrace(ext.enableMsgTrace());
        p.setCustomizedTraceTopic(env.resolvePlaceholders(ext.customizedTraceTopic()));
        p.setTlsEnable(Boolean.parseBoolean(env.resolvePlaceholders(ext.tlsEnable())) || defaults.isTlsEnable());
        p.setNamespace(env.resolvePlaceholders(ext.namespace()));
        String instanceName = env.resolvePlaceholders(ext.instanceName());
        p.setInstanceName(StringUtils.hasText(instanceName) ? instanceName : defaults.getInstanceName());
        return p;
    }
}
