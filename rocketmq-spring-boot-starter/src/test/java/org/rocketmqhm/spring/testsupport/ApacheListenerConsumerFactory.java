package org.rocketmqhm.spring.testsupport;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.annotation.ConsumeMode;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.rocketmqhm.spring.core.ListenerConsumer;
import org.rocketmqhm.spring.core.ListenerConsumerFactory;
import org.rocketmqhm.spring.support.ListenerEndpoint;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only push consumer backend built on Apache's DefaultMQPushConsumer 4.9.7, standing in until our client's
 * push consumer lands. Maps Apache's MessageExt to ours field by field.
 */
public final class ApacheListenerConsumerFactory implements ListenerConsumerFactory {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // topics created by a test's first send must reach the consumer quickly (defaults: 30 s route poll, 20 s rebalance)
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    @Override
    public ListenerConsumer create(ListenerEndpoint endpoint, MessageHandler handler) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(endpoint.consumerGroup());
        consumer.setNamesrvAddr(endpoint.nameServer());
        consumer.setInstanceName("spring-" + INSTANCES.incrementAndGet());
        consumer.setPollNameServerInterval(1000);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMessageModel(MessageModel.valueOf(endpoint.messageModel().name()));
        consumer.setConsumeThreadMin(Math.min(endpoint.consumeThreadNumber(), endpoint.consumeThreadMax()));
        consumer.setConsumeThreadMax(endpoint.consumeThreadMax());
        consumer.setMaxReconsumeTimes(endpoint.maxReconsumeTimes());
        consumer.setConsumeTimeout(endpoint.consumeTimeoutMinutes());
        consumer.setSuspendCurrentQueueTimeMillis(endpoint.suspendCurrentQueueTimeMillis());
        consumer.setAwaitTerminationMillisWhenShutdown(endpoint.awaitTerminationMillisWhenShutdown());
        try {
            if (endpoint.selectorType() == SelectorType.SQL92) {
                consumer.subscribe(endpoint.topic(), MessageSelector.bySql(endpoint.selectorExpression()));
            } else {
                consumer.subscribe(endpoint.topic(), endpoint.selectorExpression());
            }
        } catch (MQClientException e) {
            throw new IllegalStateException(e);
        }
        if (endpoint.consumeMode() == ConsumeMode.ORDERLY) {
            consumer.registerMessageListener((MessageListenerOrderly) (msgs, ctx) -> {
                try {
                    msgs.forEach(m -> handler.handle(convert(m)));
                    return ConsumeOrderlyStatus.SUCCESS;
                } catch (RuntimeException e) {
                    return ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
                }
            });
        } else {
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                try {
                    msgs.forEach(m -> handler.handle(convert(m)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                } catch (RuntimeException e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            });
        }
        return new ListenerConsumer() {
            @Override
            public void start() {
                try {
                    consumer.start();
                } catch (MQClientException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void shutdown(long awaitMillis) {
                consumer.shutdown();
            }

            @Override
            public Object nativeConsumer() {
                return consumer;
            }
        };
    }

    private static MessageExt convert(org.apache.rocketmq.common.message.MessageExt in) {
        MessageExt out = new MessageExt();
        out.setTopic(in.getTopic());
        out.setBody(in.getBody());
        out.setFlag(in.getFlag());
        out.setProperties(new java.util.HashMap<>(in.getProperties()));
        out.setQueueId(in.getQueueId());
        out.setQueueOffset(in.getQueueOffset());
        out.setReconsumeTimes(in.getReconsumeTimes());
        out.setBornTimestamp(in.getBornTimestamp());
        out.setSysFlag(in.getSysFlag());
        out.setCommitLogOffset(in.getCommitLogOffset());
        if (in.getBornHost() instanceof java.net.InetSocketAddress born) {
            out.setBornHost(born);
        }
        if (in.getStoreHost() instanceof java.net.InetSocketAddress store) {
            out.setStoreHost(store);
        }
        return out;
    }
}
