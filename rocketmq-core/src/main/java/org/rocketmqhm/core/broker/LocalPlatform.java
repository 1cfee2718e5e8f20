package org.rocketmqhm.core.broker;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A name server and one broker in this JVM, on free loopback ports, storing under a given folder: for tests and
 * local development. Start with {@link #start(Path)}, point clients at {@link #nameServerAddress()}, close when
 * done.
 *
 * @since 0.1.0
 */
public final class LocalPlatform implements AutoCloseable {

    private final NameServer nameServer;
    private final Broker broker;

    private LocalPlatform(NameServer nameServer, Broker broker) {
        this.nameServer = nameServer;
        this.broker = broker;
    }

    /** Starts with small store files (16 MiB CommitLog files) and default settings otherwise. */
    public static LocalPlatform start(Path storeDir) {
        return start(storeDir, broker -> { }, store -> { });
    }

    /**
     * @param storeDir folder for the store and the name server's KV file
     * @param brokerCustomizer changes to the broker settings (ports and addresses are set already)
     * @param storeCustomizer changes to the store settings
     */
    public static LocalPlatform start(Path storeDir, Consumer<BrokerConfig> brokerCustomizer,
                                      Consumer<MessageStoreConfig> storeCustomizer) {
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setListenPort(0);
        namesrvConfig.setKvConfigPath(storeDir.resolve("namesrv").resolve("kvConfig.json").toString());
        NameServer nameServer = new NameServer(namesrvConfig);
        nameServer.start();
        try {
            BrokerConfig config = new BrokerConfig();
            config.setBrokerName("broker-local");
            config.setBrokerIP1("127.0.0.1");
            config.setBrokerIP2("127.0.0.1");
            config.setListenPort(0);
            config.setNamesrvAddr("127.0.0.1:" + nameServer.listenPort());
            brokerCustomizer.accept(config);
            MessageStoreConfig store = new MessageStoreConfig();
            store.setStorePathRootDir(storeDir.resolve("store").toString());
            store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
            store.setMappedFileSizeConsumeQueue(30_000 * 20);
            storeCustomizer.accept(store);
            Broker broker = new Broker(config, store);
            broker.start();
            return new LocalPlatform(nameServer, broker);
        } catch (RuntimeException e) {
            nameServer.shutdown();
            throw e;
        }
    }

    /** @return {@code 127.0.0.1:port} of the name server */
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    public Broker broker() {
        return broker;
    }

    public NameServer nameServer() {
        return nameServer;
    }

    @Override
    public void close() {
        broker.shutdown();
        nameServer.shutdown();
    }
}
