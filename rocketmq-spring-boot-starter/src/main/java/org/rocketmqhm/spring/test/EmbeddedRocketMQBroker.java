package org.rocketmqhm.spring.test;

import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Rocketmq-Hm name server and broker in this JVM on ephemeral ports (127.0.0.1), storing under a temporary folder
 * that {@link #close()} deletes. Usable on its own (JUnit {@code @BeforeAll}) or through {@link EmbeddedRocketMQ}.
 * Not thread-safe; start and close from one thread.
 *
 * @since 0.1.0
 */
public final class EmbeddedRocketMQBroker implements AutoCloseable {

    private final NameServer nameServer;
    private final Broker broker;
    private final Path dir;

    private EmbeddedRocketMQBroker(NameServer nameServer, Broker broker, Path dir) {
        this.nameServer = nameServer;
        this.broker = broker;
        this.dir = dir;
    }

    /** @return a started pair with the defaults of {@link EmbeddedRocketMQ} */
    public static EmbeddedRocketMQBroker start() {
        return start(true, 1000, "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s");
    }

    /**
     * @param enablePropertyFilter whether SQL92 selectors are accepted
     * @param transactionCheckIntervalMillis interval of transaction check-backs
     * @param messageDelayLevel delay level table
     * @return a started pair
     */
    public static EmbeddedRocketMQBroker start(boolean enablePropertyFilter, long transactionCheckIntervalMillis,
                                               String messageDelayLevel) {
        Path dir;
        try {
            dir = Files.createTempDirectory("embedded-rocketmq");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setListenPort(0);
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        NameServer nameServer = new NameServer(namesrvConfig);
        nameServer.start();
        BrokerConfig brokerConfig = new BrokerConfig();
        brokerConfig.setBrokerName("embedded-broker");
        brokerConfig.setBrokerIP1("127.0.0.1");
        brokerConfig.setListenPort(0);
        brokerConfig.setNamesrvAddr("127.0.0.1:" + nameServer.listenPort());
        brokerConfig.setEnablePropertyFilter(enablePropertyFilter);
        brokerConfig.setTransactionCheckInterval(transactionCheckIntervalMillis);
        brokerConfig.setTransactionTimeOut(Math.min(500, transactionCheckIntervalMillis));
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("store").toString());
        store.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        store.setMappedFileSizeConsumeQueue(20 * 30_000);
        store.setMaxIndexNum(10_000);
        store.setMaxHashSlotNum(2_500);
        store.setMessageDelayLevel(messageDelayLevel);
        Broker broker = new Broker(brokerConfig, store);
        try {
            broker.start();
        } catch (RuntimeException e) {
            nameServer.shutdown();
            throw e;
        }
        return new EmbeddedRocketMQBroker(nameServer, broker, dir);
    }

    /** @return {@code 127.0.0.1:port} of the name server */
    public String nameServerAddress() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    /** @return {@code 127.0.0.1:port} of the broker */
    public String brokerAddress() {
        return broker.address();
    }

    /** @return the broker, for tests that need its internals */
    public Broker broker() {
        return broker;
    }

    /** Stops the broker and the name server and deletes the data folder. */
    @Override
    public void close() {
        try {
            broker.shutdown();
        } finally {
            nameServer.shutdown();
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException ignored) {
                // temporary folder; the OS cleans up
            }
        }
    }
}
