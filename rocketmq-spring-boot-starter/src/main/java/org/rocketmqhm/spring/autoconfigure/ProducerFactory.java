package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.spring.core.BridgedTransactionProducer;
import org.rocketmqhm.spring.support.ClientSecurity;
import org.rocketmqhm.spring.support.Namespaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * Builds producers from {@link RocketMQProperties.Producer} settings; shared by the default template and
 * {@code @ExtRocketMQTemplateConfiguration} templates. Stateless.
 *
 * @since 0.1.0
 */
final class ProducerFactory {

    private static final Logger log = LoggerFactory.getLogger(ProducerFactory.class);

    /** Group of last resort when neither rocketmq.producer.group nor spring.application.name is set. */
    static final String DEFAULT_GROUP = "DEFAULT_PRODUCER";

    private ProducerFactory() {
    }

    /**
     * @param group configured group, may be empty
     * @param applicationName spring.application.name, may be empty
     * @return the group to use
     */
    static String resolveGroup(String group, String applicationName) {
        if (StringUtils.hasText(group)) {
            return group;
        }
        String chosen = StringUtils.hasText(applicationName) ? applicationName : DEFAULT_GROUP;
        log.info("rocketmq.producer.group is not set; using producer group '{}'", chosen);
        return chosen;
    }

    /**
     * @param nameServer name-server list
     * @param group producer group (before namespace)
     * @param settings the remaining settings
     * @return a configured, not started producer
     */
    static Producer create(String nameServer, String group, RocketMQProperties.Producer settings) {
        return create(nameServer, group, settings, null);
    }

    /**
     * @param nameServer name-server list
     * @param group producer group (before namespace)
     * @param settings the remaining settings (namespace, credentials and TLS included)
     * @param accessChannel LOCAL or CLOUD, may be blank
     * @return a configured, not started producer
     */
    static Producer create(String nameServer, String group, RocketMQProperties.Producer settings,
                           String accessChannel) {
        Producer producer = new BridgedTransactionProducer(Namespaces.wrap(settings.getNamespace(), group));
        ClientSecurity.apply(producer, settings.getNamespace(), settings.getAccessKey(), settings.getSecretKey(),
            settings.isTlsEnable(), accessChannel);
        producer.setNamesrvAddr(nameServer);
        producer.setSendMsgTimeoutMillis(settings.getSendMessageTimeout().toMillis());
        producer.setRetryTimesWhenSendFailed(settings.getRetryTimesWhenSendFailed());
        producer.setRetryTimesWhenSendAsyncFailed(settings.getRetryTimesWhenSendAsyncFailed());
        producer.setCompressMsgBodyOverHowmuch(settings.getCompressMessageBodyThreshold());
        producer.setMaxMessageSize(settings.getMaxMessageSize());
        if (StringUtils.hasText(settings.getInstanceName())) {
            producer.setInstanceName(settings.getInstanceName());
        }
        producer.setEnableMsgTrace(settings.isEnableMsgTrace());
        producer.setCustomizedTraceTopic(settings.getCustomizedTraceTopic());
        return producer;
    }
}
