package org.rocketmqhm.spring.testsupport;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Apache's name server and broker 4.9.7 in-process on free ports, under a temporary folder: the end-to-end oracle
 * of the starter until our own broker is merged. All delay levels are 1 s and transaction check-backs run every
 * second so that tests stay quick.
 */
public final class ApacheBroker implements AutoCloseable {

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final ScheduledExecutorService routeMirror;
    private final String nameServerAddress;

    private ApacheBroker(NamesrvController namesrv, BrokerController broker, ScheduledExecutorService routeMirror,
                         String nameServerAddress) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.routeMirror = routeMirror;
        this.nameServerAddress = nameServerAddress;
    }

    public static ApacheBroker start(Path dir) throws Exception {
        return start(dir, config -> { });
    }

    /** Starts with the broker config adjusted by the customizer (e.g. {@code aclEnable}). */
    public static ApacheBroker start(Path dir, java.util.function.Consumer<BrokerConfig> customizer) throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        namesrvConfig.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig namesrvNetty = new NettyServerConfig();
        namesrvNetty.setListenPort(freePort());
        NamesrvController namesrv = new NamesrvController(namesrvConfig, namesrvNetty);
        if (!namesrv.initialize()) {
            throw new IllegalStateException("name server init failed");
        }
        namesrv.start();
        String nameServerAddress = "127.0.0.1:" + namesrvNetty.getListenPort();

        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerName("broker-a");
        brokerConfig.setBrokerClusterName("DefaultCluster");
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setBrokerIP2("127.0.0.1");
        brokerConfig.setNamesrvAddr(nameServerAddress);
        brokerConfig.setAutoCreateTopicEnable(true);
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
        BrokerController broker = new BrokerController(brokerConfig, brokerNetty, new NettyClientConfig(), store);
        if (!broker.initialize()) {
            namesrv.shutdown();
            throw new IllegalStateException("broker init failed");
        }
        broker.start();
        // In-process on Java 17 the broker's registration can reach the name server without its topic table, so the
        // topic configs are mirrored into the name server directly whenever they change.
        ScheduledExecutorService mirror = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apache-route-mirror");
            t.setDaemon(true);
            return t;
        });
        long[] last = {-1};
        Runnable sync = () -> {
            var wrapper = broker.getTopicConfigManager().buildTopicConfigSerializeWrapper();
            long version = wrapper.getDataVersion().getCounter().get() * 31 + wrapper.getTopicConfigTable().size();
            if (version != last[0]) {
                last[0] = version;
                wrapper.setDataVersion(freshVersion(wrapper.getDataVersion()));
                namesrv.getRouteInfoManager().registerBroker(brokerConfig.getBrokerClusterName(), broker.getBrokerAddr(),
                    brokerConfig.getBrokerName(), 0L, broker.getHAServerAddr(), wrapper, List.of(), null);
            }
        };
        sync.run();
        mirror.scheduleWithFixedDelay(() -> {
            try {
                sync.run();
            } catch (RuntimeException ignored) {
                // next round
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(20))
            .until(() -> namesrv.getRouteInfoManager().pickupTopicRouteData("TBW102") != null);
        return new ApacheBroker(namesrv, broker, mirror, nameServerAddress);
    }

    public String nameServerAddress() {
        return nameServerAddress;
    }

    /** Creates a topic with 4 queues on the broker (so that orderly and SQL92 tests do not depend on auto-creation). */
    public void createTopic(String topic) {
        var config = new org.apache.rocketmq.common.TopicConfig(topic, 4, 4,
            org.apache.rocketmq.common.constant.PermName.PERM_READ | org.apache.rocketmq.common.constant.PermName.PERM_WRITE);
        broker.getTopicConfigManager().updateTopicConfig(config);
        var wrapper = broker.getTopicConfigManager().buildTopicConfigSerializeWrapper();
        wrapper.setDataVersion(freshVersion(wrapper.getDataVersion()));
        namesrv.getRouteInfoManager().registerBroker(broker.getBrokerConfig().getBrokerClusterName(),
            broker.getBrokerAddr(), broker.getBrokerConfig().getBrokerName(), 0L, broker.getHAServerAddr(), wrapper,
            List.of(), null);
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> namesrv.getRouteInfoManager().pickupTopicRouteData(topic) != null);
    }

    /**
     * In-process, the name server would keep a reference to the broker's own DataVersion object and never see a
     * change; registering with a distinct, newer copy makes it apply the topic table.
     */
    private static org.apache.rocketmq.common.DataVersion freshVersion(org.apache.rocketmq.common.DataVersion current) {
        org.apache.rocketmq.common.DataVersion copy = new org.apache.rocketmq.common.DataVersion();
        copy.assignNewOne(current);
        copy.nextVersion();
        return copy;
    }

    @Override
    public void close() {
        routeMirror.shutdownNow();
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
