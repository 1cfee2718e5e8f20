package org.rocketmqhm.core.broker.ha;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.PullMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.PullMessageResponseHeader;
import org.rocketmqhm.core.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.rocketmqhm.core.store.ha.ReplicationState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Classic master-slave replication (protocol section 6) between two of our brokers, driven by Apache clients. */
class ReplicationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void syncMasterAcksAfterTheSlaveAndTheSlaveServesConsumersWhenTheMasterIsGone() throws Exception {
        try (ReplicationPair pair = new ReplicationPair(dir)) {
            Broker master = pair.startMaster(BrokerRole.SYNC_MASTER);
            DefaultMQProducer producer = pair.producer("ha-sync-p");
            try {
                ReplicationPair.createTopic(producer, "HaSync", 4);
                Broker slave = pair.startSlave(s -> { });
                await().atMost(WAIT).until(() -> master.replicationState().slaves().size() == 1);
                int n = 40;
                for (int i = 0; i < n; i++) {
                    SendResult r = producer.send(new Message("HaSync", "tag", ("m" + i).getBytes(StandardCharsets.UTF_8)));
                    assertThat(r.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
                long masterMax = master.store().getMaxPhyOffset();
                assertThat(master.replicationState().push2SlaveMaxOffset()).isEqualTo(masterMax);
                await().atMost(WAIT).until(() -> slave.store().getMaxPhyOffset() == masterMax
                    && queued(slave, "HaSync") == n);
                ReplicationState slaveState = slave.replicationState();
                assertThat(slaveState.role()).isEqualTo("SLAVE");
                assertThat(slaveState.masterConnected()).isTrue();
                assertThat(slaveState.masterAddress()).endsWith(":" + master.store().haListenPort());
                assertThat(slave.masterAddress()).isEqualTo(master.address());

                master.shutdown();
                pair.master = null;
                Set<String> bodies = ConcurrentHashMap.newKeySet();
                DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("ha-sync-c");
                consumer.setNamesrvAddr(pair.namesrvAddr());
                consumer.setInstanceName("ha-sync-c-" + System.nanoTime());
                consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                consumer.setPollNameServerInterval(1000);
                consumer.subscribe("HaSync", "*");
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
            }
        }
    }

    @Test
    void syncMasterWithoutSlaveAnswersSlaveNotAvailable() throws Exception {
        try (ReplicationPair pair = new ReplicationPair(dir)) {
            Broker master = pair.startMaster(BrokerRole.SYNC_MASTER);
            DefaultMQProducer producer = pair.producer("ha-noslave-p");
            try {
                SendResult r = producer.send(new Message("HaNoSlave", "x".getBytes(StandardCharsets.UTF_8)));
                assertThat(r.getSendStatus()).isEqualTo(SendStatus.SLAVE_NOT_AVAILABLE);
                assertThat(master.store().getMaxPhyOffset()).isPositive();
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void lateSlaveCopiesMetadataCatchesUpAndResumesFromItsOwnEndAfterRestart() throws Exception {
        try (ReplicationPair pair = new ReplicationPair(dir)) {
            Broker master = pair.startMaster(BrokerRole.ASYNC_MASTER);
            DefaultMQProducer producer = pair.producer("ha-late-p");
            try {
                ReplicationPair.createTopic(producer, "HaLate", 2);
                byte[] body = new byte[3000];
                int n = 400;
                for (int i = 0; i < n; i++) {
                    assertThat(producer.send(new Message("HaLate", body)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
                assertThat(master.store().getMaxPhyOffset()).isGreaterThan(1024 * 1024);
                NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
                try {
                    assertThat(client.invokeSync(master.address(), RemotingCommand.request(
                        RequestCode.UPDATE_CONSUMER_OFFSET,
                        new UpdateConsumerOffsetRequestHeader("ha-late-g", "HaLate", 1, 7L, null)), 5000).getCode())
                        .isEqualTo(ResponseCode.SUCCESS);
                } finally {
                    client.shutdown();
                }

                Broker slave = pair.startSlave(s -> { });
                await().atMost(WAIT).until(() -> slave.committedOffsets().containsKey("HaLate@ha-late-g")
                    && slave.committedOffsets().get("HaLate@ha-late-g").get(1) == 7L);
                long firstFile = master.store().getMaxPhyOffset() / (1024 * 1024) * (1024 * 1024);
                await().atMost(WAIT).until(() -> slave.store().getMaxPhyOffset() == master.store().getMaxPhyOffset());
                assertThat(slave.store().getMinPhyOffset()).isEqualTo(firstFile);

                slave.shutdown();
                int more = 50;
                for (int i = 0; i < more; i++) {
                    assertThat(producer.send(new Message("HaLate", body)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                }
                Broker restarted = pair.startSlave(s -> { });
                await().atMost(WAIT).until(() -> restarted.store().getMaxPhyOffset()
                    == master.store().getMaxPhyOffset());
                assertThat(restarted.store().getMinPhyOffset()).isEqualTo(firstFile);
                await().atMost(WAIT).until(() -> queued(restarted, "HaLate") == queued(master, "HaLate"));
                assertThat(queued(master, "HaLate")).isEqualTo(n + more);
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void slaveWithoutSlaveReadEnableSendsPullsToTheMasterAndNeverStoresPullCommits() throws Exception {
        try (ReplicationPair pair = new ReplicationPair(dir)) {
            Broker master = pair.startMaster(BrokerRole.ASYNC_MASTER);
            DefaultMQProducer producer = pair.producer("ha-noread-p");
            NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
            try {
                ReplicationPair.createTopic(producer, "HaNoRead", 1);
                Broker slave = pair.start(BrokerRole.SLAVE, 1, "slave", c -> { }, s -> { });
                pair.slave = slave;
                assertThat(producer.send(new Message("HaNoRead", "x".getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                await().atMost(WAIT).until(() -> queued(slave, "HaNoRead") == 1);

                PullMessageRequestHeader pull = new PullMessageRequestHeader("ha-noread-g", "HaNoRead", 0, 0L, 32,
                    0x1 | 0x4, 1L, 0L, "*", 0L, "TAG", null, null);
                await().atMost(WAIT).untilAsserted(() -> {
                    RemotingCommand r = client.invokeSync(slave.address(),
                        RemotingCommand.request(RequestCode.PULL_MESSAGE, pull), 5000);
                    assertThat(r.getCode()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
                    assertThat(r.decodeHeader(PullMessageResponseHeader.class).suggestWhichBrokerId()).isZero();
                    assertThat(r.getBody()).isNull();
                });
                assertThat(slave.committedOffsets()).doesNotContainKey("HaNoRead@ha-noread-g");
                RemotingCommand fromMaster = client.invokeSync(master.address(),
                    RemotingCommand.request(RequestCode.PULL_MESSAGE, pull), 5000);
                assertThat(fromMaster.getCode()).isEqualTo(ResponseCode.SUCCESS);
                assertThat(fromMaster.decodeHeader(PullMessageResponseHeader.class).suggestWhichBrokerId()).isZero();

                RemotingCommand update = client.invokeSync(slave.address(), RemotingCommand.request(
                    RequestCode.UPDATE_CONSUMER_OFFSET,
                    new UpdateConsumerOffsetRequestHeader("ha-noread-g", "HaNoRead", 0, 1L, null)), 5000);
                assertThat(update.getCode()).isEqualTo(ResponseCode.SUCCESS);
                assertThat(slave.committedOffsets().get("HaNoRead@ha-noread-g")).containsEntry(0, 1L);
            } finally {
                client.shutdown();
                producer.shutdown();
            }
        }
    }

    @Test
    void withSlaveReadEnableAPullFarBehindTheEndIsSentToTheSlowConsumerBroker() throws Exception {
        try (ReplicationPair pair = new ReplicationPair(dir)) {
            Broker master = pair.start(BrokerRole.ASYNC_MASTER, 0, "master", c -> c.setSlaveReadEnable(true),
                s -> s.setAccessMessageInMemoryMaxRatio(0));
            pair.master = master;
            DefaultMQProducer producer = pair.producer("ha-slow-p");
            NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
            try {
                assertThat(producer.send(new Message("HaSlow", "x".getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                RemotingCommand r = client.invokeSync(master.address(), RemotingCommand.request(
                    RequestCode.PULL_MESSAGE, new PullMessageRequestHeader("ha-slow-g", "HaSlow", 0, 0L, 32, 0x4,
                        0L, 0L, "*", 0L, "TAG", null, null)), 5000);
                assertThat(r.getCode()).isIn(ResponseCode.SUCCESS, ResponseCode.PULL_NOT_FOUND);
                PullMessageResponseHeader h = r.decodeHeader(PullMessageResponseHeader.class);
                assertThat(h.suggestWhichBrokerId()).isEqualTo(r.getCode() == ResponseCode.SUCCESS ? 1L : 0L);
            } finally {
                client.shutdown();
                producer.shutdown();
            }
        }
    }

    static long queued(Broker broker, String topic) {
        long total = 0;
        for (int q = 0; q < 8; q++) {
            total += broker.store().getMaxOffsetInQueue(topic, q);
        }
        return total;
    }
}
