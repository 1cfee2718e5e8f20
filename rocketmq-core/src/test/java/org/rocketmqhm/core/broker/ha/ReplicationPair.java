package org.rocketmqhm.core.broker.ha;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Our name server plus a master and a slave of broker name "broker-a" on ephemeral ports, each on its own store. */
final class ReplicationPair implements AutoCloseable {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    final Path dir;
    final NameServer nameServer;
    Broker master;
    Broker slave;

    ReplicationPair(Path dir) {
        this.dir = dir;
        NamesrvConfig namesrvConfig = new NamesrvConfig();
        namesrvConfig.setListenPort(0);
        namesrvConfig.setKvConfigPath(dir.resolve("namesrv-kv.json").toString());
        nameServer = new NameServer(namesrvConfig);
        nameServer.start();
    }

    String namesrvAddr() {
        return "127.0.0.1:" + nameServer.listenPort();
    }

    Broker startMaster(BrokerRole role) {
        master = start(role, 0, "master", c -> { }, s -> { });
        return master;
    }

    Broker startSlave(Consumer<MessageStoreConfig> storeCustomizer) {
        slave = start(BrokerRole.SLAVE, 1, "slave", c -> c.setSlaveReadEnable(true), storeCustomizer);
        return slave;
    }

    Broker start(BrokerRole role, long brokerId, String storeName, Consumer<BrokerConfig> customizer,
                 Consumer<MessageStoreConfig> storeCustomizer) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("broker-a");
        config.setBrokerIP1("127.0.0.1");
        config.setBrokerIP2("127.0.0.1");
        config.setListenPort(0);
        config.setNamesrvAddr(namesrvAddr());
        config.setPullMessageThreadPoolNums(4);
        config.setBrokerRole(role);
        config.setBrokerId(brokerId);
        customizer.accept(config);
        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve(storeName).toString());
        store.setMappedFileSizeCommitLog(1024 * 1024);
        store.setMappedFileSizeConsumeQueue(3000 * 20);
        storeCustomizer.accept(store);
        Broker broker = new Broker(config, store);
        broker.start();
        return broker;
    }

    DefaultMQProducer producer(String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        producer.setNamesrvAddr(namesrvAddr());
        producer.setInstanceName(group + "-" + System.nanoTime());
        producer.setSendMsgTimeout(10000);
        producer.setPollNameServerInterval(1000);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        return producer;
    }

    /** Creates a topic through the master and waits until the name server routes it with all its queues. */
    static void createTopic(DefaultMQProducer producer, String topic, int queues) throws Exception {
        producer.createTopic("TBW102", topic, queues);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).ignoreExceptions()
            .until(() -> producer.fetchPublishMessageQueues(topic).size() == queues);
    }

    @Override
    public void close() {
        if (slave != null) {
            slave.shutdown();
        }
        if (master != null) {
            master.shutdown();
        }
        nameServer.shutdown();
    }
}
