package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.rocketmqhm.spring.support.ClientSecurity;
import org.rocketmqhm.spring.support.Namespaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link LitePullConsumer} behind {@code RocketMQTemplate.receive} from {@code rocketmq.pull-consumer.*}
 * or an {@code @ExtRocketMQConsumerConfiguration}. Stateless.
 *
 * @since 0.1.0
 */
final class PullConsumerFactory {

    private static final Logger log = LoggerFactory.getLogger(PullConsumerFactory.class);

    private PullConsumerFactory() {
    }

    /**
     * @param nameServer name-server list
     * @param settings group and topic must be set (before namespace)
     * @return a subscribed, not started consumer
     */
    static LitePullConsumer create(String nameServer, RocketMQProperties.PullConsumer settings) {
        return create(nameServer, settings, null);
    }

    /**
     * @param nameServer name-server list
     * @param settings group and topic must be set (before namespace)
     * @param accessChannel LOCAL or CLOUD, may be blank
     * @return a subscribed, not started consumer
     */
    static LitePullConsumer create(String nameServer, RocketMQProperties.PullConsumer settings, String accessChannel) {
        String namespace = settings.getNamespace();
        LitePullConsumer consumer = new LitePullConsumer(Namespaces.wrap(namespace, settings.getGroup()));
        ClientSecurity.apply(consumer, namespace, settings.getAccessKey(), settings.getSecretKey(),
            settings.isTlsEnable(), accessChannel);
        consumer.setNamesrvAddr(nameServer);
        consumer.setPullBatchSize(settings.getPullBatchSize());
        consumer.setEnableMsgTrace(settings.isEnableMsgTrace());
        if (StringUtils.hasText(settings.getCustomizedTraceTopic())) {
            consumer.setCustomizedTraceTopic(settings.getCustomizedTraceTopic());
        }
        if (StringUtils.hasText(settings.getInstanceName())) {
            consumer.setInstanceName(settings.getInstanceName());
        }
        if (settings.getMessageModel() == MessageModel.BROADCASTING) {
            log.warn("pull consumer {}: BROADCASTING is not supported by the lite pull consumer; using CLUSTERING",
                settings.getGroup());
        }
        String topic = Namespaces.wrap(namespace, settings.getTopic());
        consumer.subscribe(topic, settings.getSelectorType() == SelectorType.SQL92
            ? MessageSelector.bySql(settings.getSelectorExpression())
            : MessageSelector.byTag(settings.getSelectorExpression()));
        return consumer;
    }

    /**
     * @return the pull-consumer settings with group and topic falling back to {@code rocketmq.consumer.*}, or null
     *     when either is missing
     */
    static RocketMQProperties.PullConsumer effective(RocketMQProperties properties) {
        RocketMQProperties.PullConsumer pull = properties.getPullConsumer();
        String group = StringUtils.hasText(pull.getGroup()) ? pull.getGroup() : properties.getConsumer().getGroup();
        String topic = StringUtils.hasText(pull.getTopic()) ? pull.getTopic() : properties.getConsumer().getTopic();
        if (!StringUtils.hasText(group) || !StringUtils.hasText(topic)) {
            return null;
        }
        RocketMQProperties.PullConsumer copy = new RocketMQProperties.PullConsumer();
        copy.setGroup(group);
        copy.setTopic(topic);
        copy.setNamespace(pull.getNamespace());
        copy.setAccessKey(pull.getAccessKey());
        copy.setSecretKey(pull.getSecretKey());
        copy.setTlsEnable(pull.isTlsEnable());
        copy.setMessageModel(pull.getMessageModel());
        copy.setSelectorType(pull.getSelectorType());
        copy.setSelectorExpression(pull.getSelectorExpression());
        copy.setPullBatchSize(pull.getPullBatchSize());
        copy.setInstanceName(pull.getInstanceName());
        copy.setPollTimeout(pull.getPollTimeout());
        copy.setEnableMsgTrace(pull.isEnableMsgTrace());
        copy.setCustomizedTraceTopic(pull.getCustomizedTraceTopic());
        return copy;
    }
}
