package org.rocketmqhm.compat5x;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.broker.LocalPlatform;
import org.rocketmqhm.core.broker.config.BrokerConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Starts our platform per test and tracks Apache 5.x clients so that every test shuts them down. */
abstract class Compat5xSupport {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        // The client rebalances every 20 s by default; a consumer only starts pulling %RETRY%group after the broker
        // made that topic on the first send-back and the next rebalance saw it (Apache's 4.9.7 broker behaves
        // the same), which made the retry test take ~25 s. Rebalance every second instead.
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
        // broadcasting consumers keep offsets in local files: keep them out of the user's home folder
        try {
            System.setProperty("rocketmq.client.localOffsetStoreDir",
                java.nio.file.Files.createTempDirectory("c5x-offsets").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Bound for a push consumer's deliveries. The 5.x client can lose the heartbeat that announces its first
     * rebalance: the rebalance and the periodic heartbeat both run one second after the client starts, and the
     * rebalance skips its heartbeat when the periodic one holds the lock ("lock heartBeat, but failed" in the
     * client log). Its pulls then carry a subscription version the broker has not seen, and the broker (ours as
     * Apache's) answers SUBSCRIPTION_NOT_LATEST until the client's next heartbeat, up to 30 s later.
     */
    static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    LocalPlatform platform;

    private final List<AutoCloseable> clients = new ArrayList<>();

    void startPlatform() {
        startPlatform(broker -> { });
    }

    void startPlatform(Consumer<BrokerConfig> brokerCustomizer) {
        platform = LocalPlatform.start(dir, brokerCustomizer, store -> { });
    }

    @AfterEach
    void stopAll() {
        for (int i = clients.size() - 1; i >= 0; i--) {
            try {
                clients.get(i).close();
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    <T extends AutoCloseable> T track(T closeable) {
        clients.add(closeable);
        return closeable;
    }

    String instance(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    DefaultMQProducer producer(String group) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(group);
        configure(producer);
        producer.start();
        track(producer::shutdown);
        return producer;
    }

    void configure(DefaultMQProducer producer) {
        producer.setNamesrvAddr(platform.nameServerAddress());
        producer.setInstanceName(instance("p5x"));
        producer.setSendMsgTimeout(10_000);
    }

    /** A push consumer that is configured but not started (the caller subscribes, registers and starts it). */
    DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(platform.nameServerAddress());
        consumer.setInstanceName(instance("c5x"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPollNameServerInterval(1000);
        track(consumer::shutdown);
        return consumer;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
