package org.rocketmqhm.brokerapp;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.brokerapp.BrokerConfiguration.BrokerLifecycle;
import org.rocketmqhm.brokerapp.NameServerConfiguration.NameServerLifecycle;
import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.store.config.FlushDiskType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The application as users start it: Spring arguments, Apache's -c/-n, both roles or one. */
@ExtendWith(OutputCaptureExtension.class)
class BrokerApplicationTests {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private String[] args(String... extra) {
        String[] base = {"--rocketmq.namesrv.listen-port=0", "--rocketmq.broker.listen-port=0",
            "--rocketmq.broker.store-path-root-dir=" + dir.resolve("store"),
            "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"),
            "--rocketmq.broker.broker-ip1=127.0.0.1", "--rocketmq.broker.mapped-file-size-commit-log=4194304"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void bothRolesServeApachesClientWithSpringOverrides(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = RocketMQBrokerApplication.run(
            args("--rocketmq.broker.flush-disk-type=SYNC_FLUSH", "--rocketmq.broker.broker-name=broker-x"))) {
            Broker broker = context.getBean(BrokerLifecycle.class).broker();
            assertThat(broker.storeConfig().getFlushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
            assertThat(broker.config().getBrokerName()).isEqualTo("broker-x");
            assertThat(output.getOut()).contains("Rocketmq-Hm ready in").contains("broker broker-x at 127.0.0.1:");
            String namesrv = "127.0.0.1:" + context.getBean(NameServerLifecycle.class).nameServer().listenPort();
            roundTrip(namesrv, "AppTopic");
        }
        assertThat(Files.exists(dir.resolve("store").resolve("abort"))).as("clean shutdown removes abort").isFalse();
    }

    @Test
    void apacheStyleConfigFileAndNameServerArgument(CapturedOutput output) throws Exception {
        Path nsStore = dir.resolve("ns");
        try (ConfigurableApplicationContext nameServerOnly = RocketMQBrokerApplication.run(
            "--rocketmq.broker.enabled=false", "--rocketmq.namesrv.listen-port=0",
            "--rocketmq.namesrv.kv-config-path=" + nsStore.resolve("kv.json"))) {
            assertThat(nameServerOnly.getBeansOfType(BrokerLifecycle.class)).isEmpty();
            String namesrv = "127.0.0.1:"
                + nameServerOnly.getBean(NameServerLifecycle.class).nameServer().listenPort();
            Path file = dir.resolve("broker.properties");
            Files.writeString(file, String.join("\n",
                "brokerClusterName=ClusterFromFile", "brokerName=broker-file", "brokerId=0", "listenPort=0",
                "brokerIP1=127.0.0.1", "storePathRootDir=" + dir.resolve("filestore").toString().replace('\\', '/'),
                "mapedFileSizeCommitLog=4194304", "flushDiskType=ASYNC_FLUSH", "brokerIp2=127.0.0.1", ""),
                StandardCharsets.UTF_8);
            try (ConfigurableApplicationContext brokerOnly = RocketMQBrokerApplication.run(
                "--rocketmq.namesrv.enabled=false", "-c", file.toString(), "-n", namesrv)) {
                assertThat(brokerOnly.getBeansOfType(NameServerLifecycle.class)).isEmpty();
                Broker broker = brokerOnly.getBean(BrokerLifecycle.class).broker();
                assertThat(broker.config().getBrokerClusterName()).isEqualTo("ClusterFromFile");
                assertThat(broker.storeConfig().getMappedFileSizeCommitLog()).isEqualTo(4194304);
                assertThat(output.getOut()).contains("unknown keys ignored: brokerIp2");
                roundTrip(namesrv, "FileTopic");
            }
        }
    }

    @Test
    void invalidValueStopsStartupNamingTheKey() {
        assertThatThrownBy(() -> RocketMQBrokerApplication.run(args("--rocketmq.broker.broker-role=LEADER")))
            .hasStackTraceContaining("rocketmq.broker.broker-role").hasStackTraceContaining("LEADER");
        assertThatThrownBy(() -> RocketMQBrokerApplication.run(args("--rocketmq.broker.default-topic-queue-nums=-1")))
            .hasStackTraceContaining("defaultTopicQueueNums");
    }

    private static void roundTrip(String namesrv, String topic) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("app-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("app-" + System.nanoTime());
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("app-consumer");
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("app-" + System.nanoTime());
        Set<String> received = ConcurrentHashMap.newKeySet();
        try {
            producer.start();
            for (int i = 0; i < 10; i++) {
                SendResult result = producer.send(new Message(topic, "TagA", ("m" + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            consumer.subscribe(topic, "*");
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 10);
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
