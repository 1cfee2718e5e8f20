package org.rocketmqhm.core.testsupport;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Apache's real name server and broker (4.9.7), in-process on free ports, storing under a temporary folder: the
 * oracle our client is tested against. Small files, short delay levels and fast transaction check-backs keep tests
 * quick. {@link #close()} stops both.
 */
public final class ApacheRocketMQ implements BrokerFixture {

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final String nameServerAddress;

    private ApacheRocketMQ(NamesrvController namesrv, BrokerController broker, String nameServerAddress) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.nameServerAddress = nameServerAddress;
    }

    public static ApacheRocketMQ start(Path dir) throws Exception {
        return start(dir, config -> { });
    }

    /** Starts with a broker config adjusted by the customizer (e.g. {@code aclEnable}). */
    public static ApacheRocketMQ start(Path dir, java.util.function.Consumer<BrokerConfig> customizer)
        throws Exception {
        return start(dir, customizer, store -> { });
    }

    /**
     * @param dir storage folder
     * @param customizer adjusts Apache's broker settings
     * @param storeCustomizer adjusts Apache's store settings (e.g. {@code brokerRole=SYNC_MASTER}) before start
     * @return the running pair
     */
    public static ApacheRocketMQ start(Path dir, java.util.function.Consumer<BrokerConfig> customizer,
                                       java.util.function.Consumer<MessageStoreConfig> storeCustomizer)
        throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        // Apache's start-up scripts (NamesrvStartup/BrokerStartup) set this property; without it every command the
        // broker sends carries version 0, and the name server then reads REGISTER_BROKER with its pre-3.0.11 layout
        // (body = bare topic-config wrapper), finds no topics in the RegisterBrokerBody and publishes no routes.
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig namesrvNetty = new NettyServerConfig();
        int namesrvPort = freePort();
        namesrvNetty.setListenPort(namesrvPort);
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvNetty);
        if (!namesrv.initialize()) {
            throw new IllegalStateException("name server init failed");
        }
        namesrv.start();
        String nameServerAddress = "127.0.0.1:" + namesrvPort;

        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerName("broker-a");
        brokerConfig.setBrokerClusterName("DefaultCluster");
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setBrokerIP2("127.0.0.1");
        brokerConfig.setNamesrvAddr(nameServerAddress);
        brokerConfig.setAutoCreateTopicEnable(true);
        brokerConfig.setCompressedRegister(true);
        brokerConfig.setAutoCreateSubscriptionGroup(true);
        brokerConfig.setEnablePropertyFilter(true);
        brokerConfig.setTransactionCheckInterval(1000);
        brokerConfig.setTransactionTimeOut(500);
        customizer.accept(brokerConfig);
        NettyServerConfig brokerNetty = new NettyServerConfig();
        int brokerPort = freeBrokerPort();
        brokerNetty.setListenPort(brokerPort);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("store").toString());
        store.setStorePathCommitLog(dir.resolve("store/commitlog").toString());
        store.setMappedFileSizeCommitLog(4 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(20 * 10_000);
        store.setMaxIndexNum(10_000);
        store.setMaxHashSlotNum(2_500);
        store.setHaListenPort(brokerPort + 1);
        store.setMessageDelayLevel("1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
        storeCustomizer.accept(store);
        BrokerController broker = new BrokerController(brokerConfig, brokerNetty, new NettyClientConfig(), store);
        if (!broker.initialize()) {
            namesrv.shutdown();
            throw new IllegalStateException("broker init failed");
        }
        broker.start();
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> namesrv.getRouteInfoManager().pickupTopicRouteData("TBW102") != null);
        return new ApacheRocketMQ(namesrv, broker, nameServerAddress);
    }

    /** @return Apache's broker controller (store, HA service) for assertions */
    public BrokerController controller() {
        return broker;
    }

    @Override
    public String nameServerAddress() {
        return nameServerAddress;
    }

    @Override
    public String brokerAddress() {
        return broker.getBrokerAddr();
    }

    @Override
    public String clusterName() {
        return broker.getBrokerConfig().getBrokerClusterName();
    }

    @Override
    public void close() {
        broker.shutdown();
        namesrv.shutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port p with p-2 (VIP channel) and p+1 (HA) also free. */
    private static int freeBrokerPort() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (isFree(p) && isFree(p - 2) && isFree(p + 1)) {
                return p;
            }
        }
        throw new IOException("no free broker port");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
