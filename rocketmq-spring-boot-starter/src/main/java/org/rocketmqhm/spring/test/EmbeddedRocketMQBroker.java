package org.rocketmqhm.spring.test;

import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.common.config.ConfigBinder;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

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
     * @param brokerProperties {@code key=value} broker or store settings by their Apache names
     *     ({@code enablePropertyFilter=true}, {@code messageDelayLevel=1s 1s}), applied last
     * @return a started pair
     * @throws IllegalArgumentException on an unknown key or a value that does not convert
     */
    public static EmbeddedRocketMQBroker start(boolean enablePropertyFilter, long transactionCheckIntervalMillis,
                                               String messageDelayLevel, String... brokerProperties) {
        Properties overrides = new Properties();
        for (String entry : brokerProperties) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("broker property '" + entry + "' is not key=value");
            }
            overrides.setProperty(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return start(enablePropertyFilter, transactionCheckIntervalMillis, messageDelayLevel, overrides);
    }

    /**
     * @param enablePropertyFilter whether SQL92 selectors are accepted
     * @param transactionCheckIntervalMillis interval of transaction check-backs
     * @param messageDelayLevel delay level table
     * @return a started pair
     */
    public static EmbeddedRocketMQBroker start(boolean enablePropertyFilter, long transactionCheckIntervalMillis,
                                               String messageDelayLevel) {
        return start(enablePropertyFilter, transactionCheckIntervalMillis, messageDelayLevel, new Properties());
    }

    private static EmbeddedRocketMQBroker start(boolean enablePropertyFilter, long transactionCheckIntervalMillis,
                                                String messageDelayLevel, Properties overrides) {
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
        List<String> unknown = ConfigBinder.bind(overrides, brokerConfig, store);
        if (!unknown.isEmpty()) {
            nameServer.shutdown();
            throw new IllegalArgumentException("unknown broker properties " + unknown);
        }
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

    /**
     * Creates (or updates) a topic on the broker, so that consumers find its route before the first send.
     *
     * @param topic topic name
     * @param queues read and write queue count
     */
    public void createTopic(String topic, int queues) {
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName("embedded-admin-" + System.nanoTime());
        admin.start();
        try {
            admin.createTopic(broker.config().getBrokerClusterName(), topic, queues);
        } finally {
            admin.shutdown();
        }
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
