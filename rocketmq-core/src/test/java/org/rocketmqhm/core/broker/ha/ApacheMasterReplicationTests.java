package org.rocketmqhm.core.broker.ha;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.store.config.BrokerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wire fidelity of replication: our SLAVE replicates from Apache 4.9.7's SYNC_MASTER (Apache name server, Apache
 * master, our HA client and metadata sync), so the master's SEND_OK depends on our acks.
 */
class ApacheMasterReplicationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void ourSlaveReplicatesFromApacheSyncMasterAndServesConsumersAfterItStops() throws Exception {
        ApacheRocketMQ apache = ApacheRocketMQ.start(dir.resolve("apache"), config -> { },
            store -> store.setBrokerRole(BrokerRole.SYNC_MASTER));
        Broker slave = null;
        DefaultMQProducer producer = new DefaultMQProducer("ha-apache-p");
        try {
            producer.setNamesrvAddr(apache.nameServerAddress());
            producer.setInstanceName("ha-apache-p-" + System.nanoTime());
            producer.setSendMsgTimeout(10000);
            producer.setRetryTimesWhenSendFailed(0);
            producer.start();
            ReplicationPair.createTopic(producer, "HaApache", 4);
            await().atMost(WAIT).until(() -> apache.controller().getTopicConfigManager()
                .selectTopicConfig("HaApache") != null);

            slave = startSlave(apache.nameServerAddress());
            await().atMost(WAIT).until(() -> ((org.apache.rocketmq.store.DefaultMessageStore) apache.controller().getMessageStore()).getHaService()
                .getConnectionCount().get() == 1);
            int n = 30;
            for (int i = 0; i < n; i++) {
                assertThat(producer.send(new Message("HaApache", "t", ("a" + i).getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            long masterMax = apache.controller().getMessageStore().getMaxPhyOffset();
            Broker s = slave;
            await().atMost(WAIT).until(() -> s.store().getMaxPhyOffset() == masterMax
                && ReplicationTests.queued(s, "HaApache") == n);
            assertThat(s.store().getMinPhyOffset()).isZero();

            apache.controller().shutdown();
            Set<String> bodies = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("ha-apache-c");
            consumer.setNamesrvAddr(apache.nameServerAddress());
            consumer.setInstanceName("ha-apache-c-" + System.nanoTime());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPollNameServerInterval(1000);
            consumer.subscribe("HaApache", "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                for (MessageExt m : msgs) {
                    bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> bodies.size() == n);
            } finally {
                consumer.shutdown();
            }
        } finally {
            producer.shutdown();
            if (slave != null) {
                slave.shutdown();
            }
            apache.close();
        }
    }

    private Broker startSlave(String namesrv) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-a");
        config.setBrokerClusterName("DefaultCluster");
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(namesrv);
        config.setBrokerRole(org.rocketmqhm.core.store.config.BrokerRole.SLAVE);
        config.setBrokerId(1);
        config.setSlaveReadEnable(true);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("our-slave").toString());
        store.setMappedFileSizeCommitLog(4 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(20 * 10_000);
        Broker broker = new Broker(config, store);
        broker.start();
        return broker;
    }
}
