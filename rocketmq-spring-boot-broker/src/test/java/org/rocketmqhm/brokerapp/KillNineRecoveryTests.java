package org.rocketmqhm.brokerapp;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in a child JVM with SYNC_FLUSH, killed with SIGKILL under load and restarted on the same store:
 * every message that got SEND_OK is still there.
 */
class KillNineRecoveryTests {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedMessageIsLostAcrossKillNine() throws Exception {
        int namesrvPort = ChildProcess.freePort();
        int brokerPort = ChildProcess.freeBrokerPort();
        String namesrv = "127.0.0.1:" + namesrvPort;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        ChildProcess first = startChild(namesrvPort, brokerPort);
        DefaultMQProducer producer = new DefaultMQProducer("crash-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("crash-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(3000);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        AtomicBoolean sending = new AtomicBoolean(true);
        CountDownLatch enough = new CountDownLatch(300);
        try {
            producer.start();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.execute(() -> {
                    for (int i = 0; sending.get(); i++) {
                        String body = "t" + thread + "-m" + i;
                        try {
                            SendResult result = producer.send(new Message("CrashTopic",
                                body.getBytes(StandardCharsets.UTF_8)));
                            if (result.getSendStatus() == SendStatus.SEND_OK) {
                                acknowledged.add(body);
                                enough.countDown();
                            }
                        } catch (Exception e) {
                            // the broker is being killed: unacknowledged sends may fail
                        }
                    }
                });
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("300 acknowledged sends before the kill").isTrue();
            first.close();
            first.awaitExit(Duration.ofSeconds(20));
            sending.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            producer.shutdown();
            first.close();
        }
        assertThat(dir.resolve("store").resolve("abort")).as("the kill left the abort marker").exists();

        ChildProcess second = startChild(namesrvPort, brokerPort);
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("crash-check");
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("crash-check-" + System.nanoTime());
        consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        Set<String> found = new HashSet<>();
        try {
            consumer.subscribe("CrashTopic", "*");
            consumer.start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!found.containsAll(acknowledged) && System.currentTimeMillis() < deadline) {
                for (MessageExt message : consumer.poll(1000)) {
                    found.add(new String(message.getBody(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            consumer.shutdown();
            try {
                second.terminate(Duration.ofSeconds(30));
            } finally {
                second.close();
            }
        }
        List<String> lost = new ArrayList<>(acknowledged);
        lost.removeAll(found);
        System.out.println("kill -9 under SYNC_FLUSH: acknowledged " + acknowledged.size() + ", lost " + lost.size());
        assertThat(lost).as("acknowledged messages missing after kill -9").isEmpty();
    }

    private ChildProcess startChild(int namesrvPort, int brokerPort) throws IOException, InterruptedException {
        return ChildProcess.start("crash", "--rocketmq.namesrv.listen-port=" + namesrvPort,
            "--rocketmq.broker.listen-port=" + brokerPort,
            "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"),
            "--rocketmq.broker.store-path-root-dir=" + dir.resolve("store"),
            "--rocketmq.broker.broker-ip1=127.0.0.1", "--rocketmq.broker.flush-disk-type=SYNC_FLUSH",
            "--rocketmq.broker.mapped-file-size-commit-log=8388608").awaitReady(Duration.ofSeconds(60));
    }
}
