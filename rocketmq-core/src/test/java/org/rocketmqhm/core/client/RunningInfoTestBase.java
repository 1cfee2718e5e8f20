package org.rocketmqhm.core.client;

import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.BrokerTestBase;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * Our broker, our producer and consumers, and Apache 4.9.7's {@code DefaultMQAdminExt} reading consumers' running
 * info (GET_CONSUMER_RUNNING_INFO) the way {@code mqadmin consumerStatus} and the dashboard do.
 */
abstract class RunningInfoTestBase extends BrokerTestBase {

    protected DefaultMQAdminExt apacheAdmin;
    protected Producer producer;

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return OurRocketMQ.start(dir);
    }

    @BeforeAll
    void startClients() throws Exception {
        apacheAdmin = new DefaultMQAdminExt(unique("apache-admin"));
        apacheAdmin.setNamesrvAddr(nameServerAddress());
        apacheAdmin.setInstanceName(unique("apache-admin"));
        apacheAdmin.start();
        producer = new Producer(unique("rip"));
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.start();
    }

    @AfterAll
    void stopClients() {
        producer.shutdown();
        apacheAdmin.shutdown();
    }

    /** Sends {@code count} messages m0.. with tag T and keys k0.. */
    protected void send(String topic, int count) {
        for (int i = 0; i < count; i++) {
            producer.send(new Message(topic, "T", "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A push consumer of the whole topic from its first offset with {@code threads} consume threads; not started. */
    protected PushConsumer consumer(String group, String topic, int threads) {
        PushConsumer consumer = new PushConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("c"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        consumer.subscribe(topic, "*");
        return consumer;
    }

    /** A lite pull consumer of the whole topic from its first offset; not started. */
    protected LitePullConsumer litePullConsumer(String group, String topic) {
        LitePullConsumer consumer = new LitePullConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("l"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, MessageSelector.byTag("*"));
        return consumer;
    }

    /** Polls until at least {@code count} messages came (within 20 s); @return how many came */
    protected static int pollAtLeast(LitePullConsumer consumer, int count) {
        AtomicInteger got = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
            .until(() -> got.addAndGet(consumer.poll(Duration.ofMillis(500)).size()) >= count);
        return got.get();
    }
}
