package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeOrderlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.MessageListenerOrderly;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.spring.annotation.ConsumeMode;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.rocketmqhm.spring.support.ClientSecurity;
import org.rocketmqhm.spring.support.ListenerEndpoint;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * The default {@link ListenerConsumerFactory}: a Rocketmq-Hm {@link PushConsumer} configured from the endpoint.
 * Mapping: {@code selectorType}/{@code selectorExpression} to {@link MessageSelector#byTag}/{@link MessageSelector#bySql},
 * {@code consumeMode} to an orderly or concurrent listener, {@code messageModel}, {@code consumeThreadNumber} /
 * {@code consumeThreadMax} (thread pool), {@code maxReconsumeTimes}, {@code consumeTimeout} (minutes),
 * {@code delayLevelWhenNextConsume} (concurrent), {@code suspendCurrentQueueTimeMillis} (orderly),
 * {@code awaitTerminationMillisWhenShutdown}, {@code enableMsgTrace} / {@code customizedTraceTopic} (empty: the
 * default trace topic), {@code nameServer}, {@code instanceName}; group and topic arrive with
 * their namespace already applied, and the namespace, credentials, TLS and access channel are set on the consumer
 * (so delivered messages carry the plain topic). A handler exception answers {@code RECONSUME_LATER} (concurrent; the message goes
 * back with {@code delayLevelWhenNextConsume}) or {@code SUSPEND_CURRENT_QUEUE_A_MOMENT} (orderly).
 * Stateless; thread-safe.
 *
 * @since 0.1.0
 */
public final class PushListenerConsumerFactory implements ListenerConsumerFactory {

    @Override
    public ListenerConsumer create(ListenerEndpoint endpoint, MessageHandler handler) {
        PushConsumer consumer = new PushConsumer(endpoint.consumerGroup());
        consumer.setNamesrvAddr(endpoint.nameServer());
        ClientSecurity.apply(consumer, endpoint.namespace(), endpoint.accessKey(), endpoint.secretKey(),
            endpoint.tlsEnable(), endpoint.accessChannel());
        if (StringUtils.hasText(endpoint.instanceName())) {
            consumer.setInstanceName(endpoint.instanceName());
        }
        consumer.setMessageModel(endpoint.messageModel() == org.rocketmqhm.spring.annotation.MessageModel.BROADCASTING
            ? MessageModel.BROADCASTING : MessageModel.CLUSTERING);
        int max = Math.max(1, endpoint.consumeThreadMax());
        consumer.setConsumeThreadMin(Math.max(1, Math.min(endpoint.consumeThreadNumber(), max)));
        consumer.setConsumeThreadMax(max);
        consumer.setMaxReconsumeTimes(endpoint.maxReconsumeTimes());
        consumer.setSuspendCurrentQueueTimeMillis(endpoint.suspendCurrentQueueTimeMillis());
        consumer.setConsumeTimeout(endpoint.consumeTimeoutMinutes());
        consumer.setDelayLevelWhenNextConsume(endpoint.delayLevelWhenNextConsume());
        consumer.setAwaitTerminationMillisWhenShutdown(endpoint.awaitTerminationMillisWhenShutdown());
        consumer.setEnableMsgTrace(endpoint.enableMsgTrace());
        consumer.setCustomizedTraceTopic(endpoint.customizedTraceTopic());
        consumer.subscribe(endpoint.topic(), endpoint.selectorType() == SelectorType.SQL92
            ? MessageSelector.bySql(endpoint.selectorExpression())
            : MessageSelector.byTag(endpoint.selectorExpression()));
        if (endpoint.consumeMode() == ConsumeMode.ORDERLY) {
            consumer.registerMessageListener((MessageListenerOrderly) (messages, queue) -> {
                try {
                    deliver(messages, handler);
                    return ConsumeOrderlyStatus.SUCCESS;
                } catch (RuntimeException e) {
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
            });
        } else {
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, queue) -> {
                try {
                    deliver(messages, handler);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                } catch (RuntimeException e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            });
        }
        return new PushListenerConsumer(consumer);
    }

    private static void deliver(List<MessageExt> messages, MessageHandler handler) {
        for (MessageExt message : messages) {
            handler.handle(message);
        }
    }

    /** Adapts a {@link PushConsumer} to the container contract. */
    private record PushListenerConsumer(PushConsumer consumer) implements ListenerConsumer {

        @Override
        public void start() {
            consumer.start();
        }

        /** The client waits up to {@code awaitMillis} for queued and in-flight listener calls, then commits. */
        @Override
        public void shutdown(long awaitMillis) {
            consumer.setAwaitTerminationMillisWhenShutdown(awaitMillis);
            consumer.shutdown();
        }

        @Override
        public PushConsumer nativeConsumer() {
            return consumer;
        }

        @Override
        public long lag(String topic) {
            return consumer.consumerLag(topic);
        }
    }
}
