package org.rocketmqhm.core.broker.ha;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.BrokerRole;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.broker.Broker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Wire fidelity of our master side: Apache 4.9.7's SLAVE replicates from our SYNC_MASTER (our name server hands it
 * our HA address), so our SEND_OK depends on Apache's reports and Apache's log must equal ours byte for byte; its
 * metadata sync fetches our topics through the VIP port (listenPort - 2).
 */
class ApacheSlaveReplicationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void apacheSlaveReplicatesFromOurSyncMaster() throws Exception {
        try (ReplicationPair pair = new ReplicationPair(dir)) {
            Broker master = pair.startMaster(org.rocketmqhm.core.store.config.BrokerRole.SYNC_MASTER);
            DefaultMQProducer producer = pair.producer("ha-apache-slave-p");
            ReplicationPair.createTopic(producer, "HaToApache", 2);
            BrokerController apacheSlave = startApacheSlave(pair.namesrvAddr());
            try {
                await().atMost(WAIT).until(() -> master.replicationState().slaves().size() == 1
                    && master.replicationState().slaves().get(0).ackOffset() >= 0);
                int n = 30;
                for (int i = 0; i < n; i++) {
                    assertThat(producer.send(new Message("HaToApache", ("b" + i).getBytes(StandardCharsets.UTF_8)))
                        .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
                long end = master.store().getMaxPhyOffset();
                await().atMost(WAIT).until(() -> apacheSlave.getMessageStore().getMaxPhyOffset() == end
                    && apacheSlave.getMessageStore().getMaxOffsetInQueue("HaToApache", 0)
                    + apacheSlave.getMessageStore().getMaxOffsetInQueue("HaToApache", 1) == n);
                assertThat(apacheSlave.getMessageStore().getMinPhyOffset()).isZero();
                await().atMost(WAIT).until(() -> apacheSlave.getTopicConfigManager()
                    .selectTopicConfig("HaToApache") != null);
                for (long offset = 0; offset < end; ) {
                    java.nio.ByteBuffer ours = master.store().getCommitLogData(offset);
                    org.apache.rocketmq.store.SelectMappedBufferResult theirs =
                        apacheSlave.getMessageStore().getCommitLogData(offset);
                    try {
                        assertThat(theirs.getByteBuffer()).isEqualTo(ours);
                        offset += ours.remaining();
                    } finally {
                        theirs.release();
                    }
                }
            } finally {
                producer.shutdown();
                apacheSlave.shutdown();
            }
        }
    }

    private BrokerController startApacheSlave(String namesrv) throws Exception {
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        org.apache.rocketmq.common.BrokerConfig config = new org.apache.rocketmq.common.BrokerConfig();
        config.setBrokerName("broker-a");
        config.setBrokerClusterName("DefaultCluster");
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setBrokerId(1);
        config.setNamesrvAddr(namesrv);
        NettyServerConfig netty = new NettyServerConfig();
        int port = freePort();
        netty.setListenPort(port);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setBrokerRole(BrokerRole.SLAVE);
        store.setStorePathRootDir(dir.resolve("apache-slave").toString());
        store.setStorePathCommitLog(dir.resolve("apache-slave/commitlog").toString());
        store.setMappedFileSizeCommitLog(1024 * 1024);
        store.setMappedFileSizeConsumeQueue(3000 * 20);
        store.setMaxIndexNum(10_000);
        store.setMaxHashSlotNum(2_500);
        store.setHaListenPort(freePort());
        BrokerController broker = new BrokerController(config, netty, new NettyClientConfig(), store);
        if (!broker.initialize()) {
            throw new IllegalStateException("Apache slave init failed");
        }
        broker.start();
        return broker;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
