package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListener;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/** Builders for Apache 4.9.7 clients pointed at a {@link BrokerFixture}, each with a unique instance name. */
final class ApacheClients {

    private ApacheClients() {
    }

    static DefaultMQProducer producer(BrokerFixture fixture, String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        configure(producer, fixture);
        producer.start();
        return producer;
    }

    static void configure(DefaultMQProducer producer, BrokerFixture fixture) {
        producer.setNamesrvAddr(fixture.namesrvAddr());
        producer.setInstanceName(producer.getProducerGroup() + "-" + System.nanoTime());
        producer.setSendMsgTimeout(10000);
        producer.setPollNameServerInterval(1000);
    }

    /** Push consumer from the first offset; not started. */
    static DefaultMQPushConsumer consumer(BrokerFixture fixture, String group, String topic, String tags,
                                          MessageListener listener) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(fixture.namesrvAddr());
        consumer.setInstanceName(group + "-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(1000);
        if (topic != null) {
            consumer.subscribe(topic, tags);
        }
        consumer.registerMessageListener(listener);
        return consumer;
    }

    static DefaultMQPushConsumer sqlConsumer(BrokerFixture fixture, String group, String topic, String sql,
                                             MessageListener listener) throws Exception {
        DefaultMQPushConsumer consumer = consumer(fixture, group, null, null, listener);
        consumer.subscribe(topic, MessageSelector.bySql(sql));
        return consumer;
    }
}
