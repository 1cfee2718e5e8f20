package org.rocketmqhm.core.testsupport;

import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Our name server and broker, in-process on ephemeral ports over a temporary store. A restart reuses the broker's
 * first port so clients see the same address.
 */
public final class OurRocketMQ implements BrokerFixture {

    private final NameServer nameServer;
    private final Path dir;
    private volatile Broker broker;
    private int port;
    private final Consumer<BrokerConfig> brokerCustomizer;

    private final String messageDelayLevel;

    private OurRocketMQ(Path dir, String messageDelayLevel, Consumer<NamesrvConfig> namesrvCustomizer,
                        Consumer<BrokerConfig> brokerCustomizer) {
        this.dir = dir;
        this.messageDelayLevel = messageDelayLevel;
        this.brokerCustomizer = brokerCustomizer;
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setListenPort(0);
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv-kv.json").toString());
        namesrvCustomizer.accept(namesrvConfig);
        nameServer = new NameServer(namesrvConfig);
        nameServer.start();
    }

    public static OurRocketMQ start(Path dir) {
        return start(dir, (String) null);
    }

    /** @param messageDelayLevel the store's delay levels ("1s 5s ..."), or null for the default */
    public static OurRocketMQ start(Path dir, String messageDelayLevel) {
        return start(dir, messageDelayLevel, c -> { }, c -> { });
    }

    /** Starts with name-server and broker configs adjusted by the customizers (e.g. TLS modes). */
    public static OurRocketMQ start(Path dir, Consumer<NamesrvConfig> namesrvCustomizer,
                                    Consumer<BrokerConfig> brokerCustomizer) {
        return start(dir, null, namesrvCustomizer, brokerCustomizer);
    }

    /** Starts with the store's delay levels (or null for the default) and adjusted name-server and broker configs. */
    public static OurRocketMQ start(Path dir, String messageDelayLevel, Consumer<NamesrvConfig> namesrvCustomizer,
                                     Consumer<BrokerConfig> brokerCustomizer) {
        OurRocketMQ fixture = new OurRocketMQ(dir, messageDelayLevel, namesrvCustomizer, brokerCustomizer);
        // A fixed port from the start: the broker then also holds its HA port (+1) and VIP port (-2) for the whole
        // test, so a restart on the same port does not find them taken by some client's ephemeral connection (the
        // HA port of a broker started on port 0 is ephemeral, and the port after an ephemeral one is a likely
        // next ephemeral port).
        fixture.startBroker(freeBrokerPort());
        return fixture;
    }

    /** @return a free port whose HA (+1) and VIP (-2) neighbours are free too, at the moment of asking */
    static int freeBrokerPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            if (port > 1026 && port < 65535 && isFree(port - 2) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free broker port with free neighbours");
    }

    private static boolean isFree(int port) {
        try (java.net.ServerSocket ignored = new java.net.ServerSocket(port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void startBroker(int listenPort) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-a");
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(listenPort);
        config.setNamesrvAddr(nameServerAddress());
        config.setEnablePropertyFilter(true);
        config.setPullMessageThreadPoolNums(4);
        config.setTransactionCheckInterval(1000);
        config.setTransactionTimeOut(500);
        brokerCustomizer.accept(config);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("store").toString());
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(3000 * 20);
        if (messageDelayLevel != null) {
            store.setMessageDelayLevel(messageDelayLevel);
        }
        broker = new Broker(config, store);
        broker.start();
        port = broker.listenPort();
    }

    @Override
    public void restartBroker() {
        broker.shutdown();
        startBroker(port);
    }

    @Override
    public boolean isOurs() {
        return true;
    }

    @Override
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    @Override
    public String brokerAddress() {
        return broker.address();
    }

    @Override
    public String clusterName() {
        return broker.config().getBrokerClusterName();
    }

    @Override
    public void close() {
        broker.shutdown();
        nameServer.shutdown();
    }
}
