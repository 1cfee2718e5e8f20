package org.rocketmqhm.brokerapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Start-up failures give one clear description and action, and the process exits non-zero. */
class StartupFailureTests {

    @TempDir
    Path dir;

    @Test
    void takenBrokerPortExitsNonZeroWithOneClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
             ChildProcess child = ChildProcess.start("port-taken", "--rocketmq.namesrv.listen-port=0",
                 "--rocketmq.broker.listen-port=" + taken.getLocalPort(), "--rocketmq.broker.broker-ip1=127.0.0.1",
                 "--rocketmq.broker.store-path-root-dir=" + dir.resolve("store"),
                 "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"))) {
            assertThat(child.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(child.output()).contains("APPLICATION FAILED TO START")
                .contains("The broker cannot listen on port " + taken.getLocalPort() + ": address already in use.")
                .contains("choose another port with listenPort (rocketmq.broker.listen-port)")
                .doesNotContain("\tat org.rocketmqhm");
        }
    }

    @Test
    void takenHttpPortExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"));
             ChildProcess child = ChildProcess.start("http-taken", "--rocketmq.broker.enabled=false",
                 "--rocketmq.namesrv.listen-port=0", "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"),
                 "--server.port=" + taken.getLocalPort())) {
            assertThat(child.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(child.output()).contains("APPLICATION FAILED TO START")
                .contains("Port " + taken.getLocalPort() + " was already in use");
        }
    }

    @Test
    void takenNameServerPortIsDescribed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            FailureAnalysis analysis = analyze("--rocketmq.broker.enabled=false",
                "--rocketmq.namesrv.listen-port=" + taken.getLocalPort(),
                "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"));
            assertThat(analysis.getDescription())
                .isEqualTo("The name server cannot listen on port " + taken.getLocalPort()
                    + ": address already in use.");
            assertThat(analysis.getAction()).contains("rocketmq.namesrv.listen-port");
        }
    }

    @Test
    void unwritableStoreDirectoryIsDescribedWithItsPath() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("occupied"), "a file where the store should be");
        FailureAnalysis analysis = analyze("--rocketmq.namesrv.enabled=false", "--rocketmq.broker.listen-port=0",
            "--rocketmq.broker.namesrv-addr=127.0.0.1:1", "--rocketmq.broker.broker-ip1=127.0.0.1",
            "--rocketmq.broker.store-path-root-dir=" + notADirectory.resolve("store"));
        assertThat(analysis.getDescription()).startsWith("The message store cannot be used: store directory")
            .contains(notADirectory.resolve("store").toString());
        assertThat(analysis.getAction()).contains("storePathRootDir");
    }

    @Test
    void invalidSettingNamesTheKey() {
        FailureAnalysis analysis = analyze("--rocketmq.namesrv.enabled=false", "--rocketmq.broker.listen-port=0",
            "--rocketmq.broker.store-path-root-dir=" + dir.resolve("store"),
            "--rocketmq.broker.default-topic-queue-nums=-1");
        assertThat(analysis.getDescription()).startsWith("Invalid configuration:").contains("defaultTopicQueueNums");
    }

    private static FailureAnalysis analyze(String... args) {
        Throwable failure = catchThrowable(() -> RocketMQBrokerApplication.run(args).close());
        assertThat(failure).isNotNull();
        FailureAnalysis analysis = new StartupFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }
}
