package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.support.ListenerEndpoint;
import org.rocketmqhm.spring.support.Namespaces;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Resolves {@link RocketMQMessageListener} attributes: {@code ${...}} placeholders, the name server and namespace
 * defaults of {@link RocketMQProperties}, and the namespace prefix. Stateless.
 *
 * @since 0.1.0
 */
final class ListenerEndpoints {

    private ListenerEndpoints() {
    }

    static ListenerEndpoint resolve(String beanName, RocketMQMessageListener a, Environment env,
                                    RocketMQProperties properties) {
        String namespace = env.resolvePlaceholders(a.namespace());
        if (!StringUtils.hasText(namespace) && StringUtils.hasText(properties.getConsumer().getNamespace())) {
            namespace = properties.getConsumer().getNamespace();
        }
        String group = env.resolveRequiredPlaceholders(a.consumerGroup());
        String topic = env.resolveRequiredPlaceholders(a.topic());
        if (!StringUtils.hasText(group) || !StringUtils.hasText(topic)) {
            throw new IllegalStateException("@RocketMQMessageListener on bean " + beanName
                + " needs a consumerGroup and a topic");
        }
        String nameServer = env.resolvePlaceholders(a.nameServer());
        if (!StringUtils.hasText(nameServer)) {
            nameServer = properties.getNameServer();
        }
        String trace = env.resolvePlaceholders(a.customizedTraceTopic());
        return new ListenerEndpoint(beanName, Namespaces.wrap(namespace, group), Namespaces.wrap(namespace, topic),
            a.selectorType(), env.resolvePlaceholders(a.selectorExpression()), a.consumeMode(), a.messageModel(),
            a.consumeThreadNumber(), a.consumeThreadMax(), a.maxReconsumeTimes(), a.consumeTimeout(),
            a.replyTimeout(), nameServer, env.resolvePlaceholders(a.accessChannel()),
            env.resolvePlaceholders(a.accessKey()), env.resolvePlaceholders(a.secretKey()), namespace,
            a.enableMsgTrace(), trace,
            Boolean.parseBoolean(env.resolvePlaceholders(a.tlsEnable())) || properties.getConsumer().isTlsEnable(),
            a.delayLevelWhenNextConsume(), a.suspendCurrentQueueTimeMillis(), a.awaitTerminationMillisWhenShutdown(),
            env.resolvePlaceholders(a.instanceName()));
    }
}
