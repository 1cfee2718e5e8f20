package org.rocketmqhm.benchmark;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds Apache 4.9.7 clients with the same settings for every broker under test: no VIP channel, no body
 * compression (the broker is measured, not zlib), a fast name-server poll so that new topics are seen at once.
 *
 * @since 0.1.0
 */
final class Clients {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String namesrv;
    private final String runId;

    Clients(String namesrv, String runId) {
        this.namesrv = namesrv;
        this.runId = runId;
    }

    DefaultMQProducer producer(String group) {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName(instanceName());
        producer.setVipChannelEnabled(false);
        producer.setDefaultTopicQueueNums(8);
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        producer.setSendMsgTimeout(10_000);
        producer.setRetryTimesWhenSendFailed(0);
        producer.setPollNameServerInterval(1_000);
        producer.setMaxMessageSize(4 * 1024 * 1024);
        return producer;
    }

    DefaultMQPushConsumer pushConsumer(String group, String topic) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName(instanceName());
        consumer.setVipChannelEnabled(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(1_000);
        consumer.subscribe(topic, "*");
        return consumer;
    }

    DefaultMQAdminExt admin() {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName(instanceName());
        admin.setVipChannelEnabled(false);
        return admin;
    }

    String runId() {
        return runId;
    }

    private String instanceName() {
        return "bench-" + runId + "-" + INSTANCES.incrementAndGet();
    }
}
