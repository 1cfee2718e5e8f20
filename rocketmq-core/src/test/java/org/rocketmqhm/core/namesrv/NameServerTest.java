package org.rocketmqhm.core.namesrv;

import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.RegisterBrokerBody;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;
import org.rocketmqhm.core.protocol.header.BrokerIdentityHeader;
import org.rocketmqhm.core.protocol.header.RegisterBrokerRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Our name server driven by Apache's own admin tool, with brokers registered over the wire. */
class NameServerTest {

    @TempDir
    Path dir;

    private NameServer nameServer;
    private NettyRemotingClient broker;
    private DefaultMQAdminExt admin;
    private String address;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        NamesrvConfig config = new NamesrvConfig();
        config.setListenPort(0);
        config.setKvConfigPath(dir.resolve("kv.json").toString());
        config.setBrokerChannelExpiredTime(1500);
        config.setScanNotActiveBrokerInterval(200);
        nameServer = new NameServer(config);
        nameServer.start();
        address = "127.0.0.1:" + nameServer.listenPort();
        broker = new NettyRemotingClient(new NettyClientConfig());
        admin = new DefaultMQAdminExt(10_000);
        admin.setNamesrvAddr(address);
        admin.setInstanceName("ns-test-" + System.nanoTime());
        admin.start();
    }

    @AfterEach
    void stop() {
        admin.shutdown();
        broker.shutdown();
        nameServer.shutdown();
    }

    private RemotingCommand register(String brokerName, long brokerId, int port, DataVersion version, String... topics)
        throws Exception {
        Map<String, TopicConfig> table = new java.util.HashMap<>();
        for (String topic : topics) {
            table.put(topic, new TopicConfig(topic, 4, 4, 6));
        }
        RemotingCommand request = RemotingCommand.request(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader(
            brokerName, "127.0.0.1:" + port, "DefaultCluster", "127.0.0.1:" + (port + 1), brokerId, false, 0));
        request.setBody(RemotingJson.encode(new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, version),
            List.of())));
        return broker.invokeSync(address, request, 3000);
    }

    @Test
    void apacheAdminSeesRegisteredRoutesAndClusters() throws Exception {
        DataVersion version = DataVersion.initial();
        assertThat(register("broker-a", 0, 10911, version, "Orders", "TBW102").getCode()).isEqualTo(ResponseCode.SUCCESS);
        RemotingCommand slave = register("broker-a", 1, 10921, version, "Orders");
        assertThat(slave.ext("masterAddr")).isEqualTo("127.0.0.1:10911");
        assertThat(slave.ext("haServerAddr")).isEqualTo("127.0.0.1:10912");

        TopicRouteData route = admin.examineTopicRouteInfo("Orders");
        assertThat(route.getQueueDatas()).hasSize(1);
        assertThat(route.getQueueDatas().get(0).getWriteQueueNums()).isEqualTo(4);
        assertThat(route.getBrokerDatas().get(0).getBrokerAddrs())
            .containsEntry(0L, "127.0.0.1:10911").containsEntry(1L, "127.0.0.1:10921");

        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertThat(cluster.getClusterAddrTable()).containsKey("DefaultCluster");
        assertThat(cluster.getBrokerAddrTable().get("broker-a").getBrokerAddrs()).hasSize(2);
        assertThat(admin.fetchAllTopicList().getTopicList()).contains("Orders", "TBW102");
    }

    @Test
    void unknownTopicIsReportedAsMissing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.examineTopicRouteInfo("Nope"))
            .hasMessageContaining("No topic route info");
    }

    @Test
    void unregisterAndExpiryRemoveBrokers() throws Exception {
        register("broker-a", 0, 10911, DataVersion.initial(), "A");
        RemotingCommand unregister = RemotingCommand.request(RequestCode.UNREGISTER_BROKER,
            new BrokerIdentityHeader("broker-a", "127.0.0.1:10911", "DefaultCluster", 0L));
        assertThat(broker.invokeSync(address, unregister, 3000).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(nameServer.routes().route("A", null)).isNull();

        register("broker-b", 0, 10931, DataVersion.initial(), "B");
        assertThat(nameServer.routes().route("B", null)).isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> nameServer.routes().route("B", null) == null);
    }

    @Test
    void kvConfigRoundTripsThroughApacheAdmin() throws Exception {
        admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", "Orders", "broker-a:4");
        assertThat(admin.getKVConfig("ORDER_TOPIC_CONFIG", "Orders")).isEqualTo("broker-a:4");
        assertThat(admin.getKVListByNamespace("ORDER_TOPIC_CONFIG").getTable()).containsEntry("Orders", "broker-a:4");
        admin.deleteKvConfig("ORDER_TOPIC_CONFIG", "Orders");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.getKVConfig("ORDER_TOPIC_CONFIG", "Orders"))
            .isNotNull();
    }
}
