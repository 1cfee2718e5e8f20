package org.rocketmqhm.brokerapp;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.HeartbeatData;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seeds' 2m-2s-sync configuration files, rewritten to 127.0.0.1, free ports and temporary folders, started as
 * users start them: one name server process and four broker processes ({@code java -jar} of the built jar with
 * {@code -c file}). Checks the cluster as Apache's admin tool sees it, health and metrics over HTTP, the slave refusing sends while serving, and a
 * graceful SIGTERM followed by a clean restart (on which the store health goes DOWN under a tiny disk limit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedClusterIT {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private static final Path SEEDS = Path.of("src", "test", "resources", "seed-configs", "2m-2s-sync");
    private static final String[] FILES = {"broker-a", "broker-a-s", "broker-b", "broker-b-s"};
    private static final Duration START = Duration.ofSeconds(150);

    @TempDir
    static Path dir;

    private String namesrv;
    private ChildProcess nameServer;
    private final Map<String, ChildProcess> brokers = new LinkedHashMap<>();
    private final Map<String, Path> configs = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    @BeforeAll
    void startCluster() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(SEEDS), "seed configuration files present");
        int nsPort = ChildProcess.freePort();
        namesrv = "127.0.0.1:" + nsPort;
        nameServer = ChildProcess.start("namesrv", "--rocketmq.broker.enabled=false",
            "--rocketmq.namesrv.listen-port=" + nsPort, "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"));
        for (String name : FILES) {
            configs.put(name, rewrite(name));
        }
        nameServer.awaitReady(START);
        for (String name : FILES) {
            brokers.put(name, startBroker(name));
        }
        for (ChildProcess broker : brokers.values()) {
            broker.awaitReady(START);
        }
    }

    private ChildProcess startBroker(String name, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--rocketmq.namesrv.enabled=false", "-c",
            configs.get(name).toString()));
        args.addAll(List.of(extra));
        return ChildProcess.start(name, args.toArray(String[]::new));
    }

    /** Copies a seed file, replacing addresses, ports and store paths; every other line stays as written. */
    private Path rewrite(String name) throws IOException {
        Path root = dir.resolve(name);
        int port = ChildProcess.freeBrokerPort();
        ports.put(name, port);
        Properties seed = new Properties();
        try (InputStream in = Files.newInputStream(SEEDS.resolve(name + ".properties"))) {
            seed.load(in);
        }
        List<String> lines = new ArrayList<>();
        Set<String> replaced = Set.of("namesrvAddr", "brokerIP1", "brokerIP2", "listenPort", "storePathRootDir",
            "storePathCommitLog", "storePathConsumeQueue", "storePathIndex", "storeCheckpoint", "abortFile");
        for (String line : Files.readAllLines(SEEDS.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            String key = line.contains("=") && !line.startsWith("#") ? line.substring(0, line.indexOf('=')).trim() : "";
            lines.add(replaced.contains(key) ? "# rewritten for the test: " + line : line);
        }
        lines.add("namesrvAddr=" + namesrv);
        lines.add("brokerIP1=127.0.0.1");
        lines.add("brokerIP2=127.0.0.1");
        lines.add("listenPort=" + port);
        lines.add("storePathRootDir=" + slashes(root));
        for (String key : List.of("storePathCommitLog", "storePathConsumeQueue", "storePathIndex", "storeCheckpoint",
            "abortFile")) {
            String value = seed.getProperty(key);
            if (value != null) {
                lines.add(key + "=" + slashes(root.resolve(value.substring(value.lastIndexOf('/') + 1))));
            }
        }
        Path file = dir.resolve(name + ".properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    @AfterAll
    void stopCluster() {
        brokers.values().forEach(ChildProcess::close);
        if (nameServer != null) {
            nameServer.close();
        }
    }

    @Test
    @Order(1)
    void nameServerSeesTwoBrokerNamesEachWithMasterAndSlave() throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("seed-admin-" + System.nanoTime());
        admin.start();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ClusterInfo info = admin.examineBrokerClusterInfo();
                assertThat(info.getClusterAddrTable()).containsKey("rocketmq-cluster");
                assertThat(info.getClusterAddrTable().get("rocketmq-cluster"))
                    .containsExactlyInAnyOrder("broker-a", "broker-b");
                for (String brokerName : List.of("broker-a", "broker-b")) {
                    BrokerData data = info.getBrokerAddrTable().get(brokerName);
                    assertThat(data.getBrokerAddrs()).containsOnlyKeys(0L, 1L);
                    assertThat(data.getBrokerAddrs().get(0L)).isEqualTo("127.0.0.1:" + ports.get(brokerName));
                    assertThat(data.getBrokerAddrs().get(1L)).isEqualTo("127.0.0.1:" + ports.get(brokerName + "-s"));
                }
            });
        } finally {
            admin.shutdown();
        }
    }

    @Test
    @Order(2)
    void healthIsUpAndMetricsMoveWithSends() throws Exception {
        for (String name : FILES) {
            String health = ActuatorEndpointsTests.get(brokers.get(name).http() + "/actuator/health").body();
            assertThat(health).as(name).contains("\"status\":\"UP\"").contains("\"store\":{\"status\":\"UP\"")
                .contains("\"brokerName\":\"" + name.replace("-s", "") + "\"")
                .contains(name.endsWith("-s") ? "\"brokerRole\":\"SLAVE\"" : "\"brokerRole\":\"SYNC_MASTER\"");
        }
        double before = putTotal("SeedTopic");
        DefaultMQProducer producer = new DefaultMQProducer("seed-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("seed-" + System.nanoTime());
        producer.start();
        try {
            for (int i = 0; i < 20; i++) {
                SendResult result = producer.send(new Message("SeedTopic", ("s" + i).getBytes(StandardCharsets.UTF_8)));
                assertThat(result.getSendStatus()).isIn(SendStatus.SEND_OK, SendStatus.SLAVE_NOT_AVAILABLE,
                    SendStatus.FLUSH_SLAVE_TIMEOUT);
                assertThat(result.getMessageQueue().getBrokerName()).isIn("broker-a", "broker-b");
            }
        } finally {
            producer.shutdown();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            assertThat(putTotal("SeedTopic")).isEqualTo(before + 20));
        String prometheus = ActuatorEndpointsTests.get(brokers.get("broker-a").http() + "/actuator/prometheus")
            .body();
        assertThat(ActuatorEndpointsTests.value(prometheus, "rocketmq_store_commitlog_size_bytes")).isPositive();
        assertThat(ActuatorEndpointsTests.value(prometheus, "rocketmq_put_latency_seconds_count")).isPositive();
    }

    private double putTotal(String topic) throws Exception {
        double total = 0;
        for (String master : List.of("broker-a", "broker-b")) {
            String prometheus = ActuatorEndpointsTests.get(brokers.get(master).http() + "/actuator/prometheus")
                .body();
            total += Math.max(0, ActuatorEndpointsTests.value(prometheus,
                "rocketmq_messages_put_total{topic=\"" + topic + "\"}"));
        }
        return total;
    }

    @Test
    @Order(3)
    void slaveRefusesSendsClearlyButServesClients() throws Exception {
        String slave = "127.0.0.1:" + ports.get("broker-a-s");
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try {
            RemotingCommand send = RemotingCommand.request(RequestCode.SEND_MESSAGE,
                new SendMessageRequestHeader("seed-producer", "SeedTopic", "TBW102", 4, 0, 0,
                    System.currentTimeMillis(), 0, null, 0, false, false, null, null));
            send.setBody("to the slave".getBytes(StandardCharsets.UTF_8));
            RemotingCommand refused = client.invokeSync(slave, send, 5000);
            assertThat(refused.getCode()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);
            assertThat(refused.getRemark()).contains("broker-a").contains("SLAVE").contains("master");

            RemotingCommand heartbeat = RemotingCommand.request(RequestCode.HEART_BEAT);
            heartbeat.setBody(RemotingJson.encode(new HeartbeatData("seed-client@1", Set.of(), Set.of())));
            assertThat(client.invokeSync(slave, heartbeat, 5000).getCode()).isEqualTo(ResponseCode.SUCCESS);
        } finally {
            client.shutdown();
        }
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("seed-admin-" + System.nanoTime());
        admin.start();
        try {
            assertThat(admin.fetchBrokerRuntimeStats(slave).getTable()).isNotEmpty();
        } finally {
            admin.shutdown();
        }
    }

    @Test
    @Order(4)
    void sigtermLeavesNoAbortFileAndTheNextStartIsCleanThenStoreGoesDownUnderATinyDiskLimit() throws Exception {
        Path abort = dir.resolve("broker-b").resolve("abort");
        assertThat(abort).as("a running broker holds the abort marker").exists();
        ChildProcess running = brokers.get("broker-b");
        int exit = running.terminate(Duration.ofSeconds(60));
        assertThat(abort).as("graceful shutdown (exit %d) removes the abort marker", exit).doesNotExist();

        ChildProcess restarted = startBroker("broker-b", "--rocketmq.broker.disk-space-warning-level-ratio=0.01");
        brokers.put("broker-b", restarted);
        restarted.awaitReady(START);
        assertThat(restarted.output()).contains("store recovery: clean shutdown")
            .doesNotContain("store recovery: abnormal shutdown");

        var health = ActuatorEndpointsTests.get(restarted.http() + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"store\":{\"status\":\"DOWN\"")
            .contains("at or above diskSpaceWarningLevelRatio 1.0%");
        assertThat(ActuatorEndpointsTests.get(restarted.http() + "/actuator/health/readiness").statusCode())
            .isEqualTo(503);
        assertThat(ActuatorEndpointsTests.get(restarted.http() + "/actuator/health/liveness").statusCode())
            .isEqualTo(200);
        Matcher used = Pattern.compile("\"diskUsedRatio\":([0-9.]+)").matcher(health.body());
        assertThat(used.find()).isTrue();
    }
}
