package org.rocketmqhm.core.broker;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Our name server plus one broker on ephemeral ports over a temp store, for tests with Apache's client. */
final class BrokerFixture implements AutoCloseable {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    final NameServer nameServer;
    final Path storeDir;
    final Consumer<BrokerConfig> brokerCustomizer;
    final Consumer<MessageStoreConfig> storeCustomizer;
    Broker broker;

    BrokerFixture(Path storeDir, Consumer<BrokerConfig> brokerCustomizer, Consumer<MessageStoreConfig> storeCustomizer) {
        this.storeDir = storeDir;
        this.brokerCustomizer = brokerCustomizer;
        this.storeCustomizer = storeCustomizer;
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setListenPort(0);
        namesrvConfig.setKvConfigPath(storeDir.resolve("namesrv-kv.json").toString());
        nameServer = new NameServer(namesrvConfig);
        nameServer.start();
        startBroker();
    }

    static BrokerFixture start(Path dir) {
        return new BrokerFixture(dir, c -> { }, c -> { });
    }

    void startBroker() {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-a");
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(namesrvAddr());
        config.setPullMessageThreadPoolNums(4);
        brokerCustomizer.accept(config);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(storeDir.resolve("store").toString());
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(3000 * 20);
        storeCustomizer.accept(store);
        broker = new Broker(config, store);
        broker.start();
    }

    void restartBroker() {
        broker.shutdown();
        startBroker();
    }

    String namesrvAddr() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.shutdown();
        }
        nameServer.shutdown();
    }
}
